"use client";

import type { FormAction } from "../ui/action-state";
import { bindAction } from "../ui/bind-action";
import { Field, Textarea } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { useKeptForm } from "../ui/use-kept-form";

/** What the item page hands the review form: the item, and the server action that takes either decision. */
export interface ReviewActions {
  slug: string;
  itemKey: string;
  decideAction: FormAction<[string, string]>;
}

/**
 * Decide on a pending transition: "Verify" with an optional note, or "Reject" with a required
 * reason (DESIGN §13). One form, so a refusal (four eyes, a missing reason, a decision someone
 * else made first) is explained in one place and keeps both fields as typed. The form and its
 * buttons are named by what is decided (`decides`), not by the id nobody sees.
 */
export function VerifyForm({ transitionId, decides, slug, itemKey, decideAction }: ReviewActions & { transitionId: number; decides: string }) {
  // One server action (not a function of the page's), so that the form posts without JavaScript too.
  const { state, formAction: action, pending, answer } = useKeptForm(bindAction(decideAction, slug, itemKey));
  const kept = state.status === "error" ? state.values : undefined;
  const hint = `reason-hint-${transitionId}`;
  return (
    <form action={action} className="min-w-56 space-y-2" aria-label={`Review ${decides}`} key={answer}>
      <input type="hidden" name="transitionId" value={transitionId} />
      <Field label="Note (optional)" className="block text-xs">
        <Textarea name="note" rows={2} defaultValue={kept?.note ?? ""} maxLength={5000} />
      </Field>
      <DecisionButton decision="verify" decides={decides} pending={pending} />
      <Field label="Reason (required to reject)" className="block text-xs">
        <Textarea name="reason" rows={2} defaultValue={kept?.reason ?? ""} maxLength={5000} aria-describedby={hint} />
      </Field>
      <p id={hint} className="text-xs text-slate-600">
        A rejected transition never counts toward the true status; the reporter sees your reason and may report again.
      </p>
      <DecisionButton decision="reject" decides={decides} pending={pending} />
      <FormMessage state={state} />
    </form>
  );
}

const DECISION_STYLE = {
  verify: { word: "Verify", className: "border-emerald-700 text-emerald-800 hover:bg-emerald-50" },
  reject: { word: "Reject", className: "border-red-700 text-red-800 hover:bg-red-50" },
};

function DecisionButton({ decision, decides, pending }: { decision: keyof typeof DECISION_STYLE; decides: string; pending: boolean }) {
  const { word, className } = DECISION_STYLE[decision];
  return (
    <button
      type="submit"
      name="decision"
      value={decision}
      disabled={pending}
      className={`rounded border px-2 py-0.5 disabled:opacity-60 ${className}`}
      aria-label={`${word} ${decides}`}
    >
      {word}
    </button>
  );
}
