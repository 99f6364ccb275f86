"use client";

import { useActionState } from "react";
import { revokeTokenAction } from "@/app/account/actions";
import { IDLE, type ActionState } from "@/app/_lib/action-state";
import { FormMessage } from "../ui/form-message";

/** One row's Revoke button; a refusal (say, a token already gone) is shown in words. */
export function RevokeTokenForm({ id }: { id: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeTokenAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-red-700 hover:underline disabled:opacity-60">
        Revoke
      </button>
      <FormMessage state={state} />
    </form>
  );
}
