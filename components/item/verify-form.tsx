"use client";

import { FormMessage } from "../ui/form-message";
import { useItemAction, type ItemAction } from "./use-item-action";

/** Verify a pending transition; a refusal (four eyes) is explained in words. */
export function VerifyForm({ transitionId, ...target }: ItemAction & { transitionId: number }) {
  const [state, action, pending] = useItemAction(target);
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
