"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { FormMessage } from "../ui/form-message";

/** One row's Revoke button; a refusal (say, a token already gone) is shown in words. */
export function RevokeTokenForm({ id, serverAction }: { id: number; serverAction: FormAction }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction, IDLE);
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
