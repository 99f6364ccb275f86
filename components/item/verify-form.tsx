"use client";

import { useActionState } from "react";
import { verifyTransitionAction } from "@/app/programs/[slug]/items/[key]/actions";
import { IDLE, type ActionState } from "@/app/_lib/action-state";
import { FormMessage } from "../ui/form-message";

/** Verify a pending transition; a refusal (four eyes) is explained in words. */
export function VerifyForm({ slug, itemKey, transitionId }: { slug: string; itemKey: string; transitionId: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(verifyTransitionAction.bind(null, slug, itemKey), IDLE);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="transitionId" value={transitionId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-emerald-700 px-2 py-0.5 text-emerald-800 hover:bg-emerald-50 disabled:opacity-60"
        aria-label={`Verify transition ${transitionId}`}
      >
        Verify
      </button>
      <FormMessage state={state} />
    </form>
  );
}
