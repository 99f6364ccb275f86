"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { FormMessage } from "../ui/form-message";

/** Verify a pending transition; a refusal (four eyes) is explained in words. */
export function VerifyForm({
  slug,
  itemKey,
  transitionId,
  serverAction,
}: {
  slug: string;
  itemKey: string;
  transitionId: number;
  serverAction: FormAction<[string, string]>;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction.bind(null, slug, itemKey), IDLE);
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
