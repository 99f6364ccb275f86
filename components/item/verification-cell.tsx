import type { ItemDetail } from "@/db/queries/get-item-detail";
import { reviewedTransitionWords } from "@/lib/labels";
import { shortInstant } from "./short-instant";
import { VerifyForm, type ReviewActions } from "./verify-form";

type Transition = ItemDetail["history"][number];

/** The review forms for a viewer who verifies, and the reports they may not decide on, each with the rule that stops them. */
export interface ReviewOffer {
  actions: ReviewActions;
  notYours: ReadonlyMap<number, string>;
}

/**
 * The decision on a transition: who verified it (and their note) or who rejected it and why, or
 * that it waits for a second person (who may verify or reject it here).
 */
export function VerificationCell({ t, review }: { t: Transition; review?: ReviewOffer }) {
  if (t.verification)
    return (
      <div className="text-emerald-800">
        verified by {t.verification.byName} on {shortInstant(t.verification.verifiedAt)}
        {t.verification.note && <p className="mt-1 max-w-xs text-xs text-slate-700">{t.verification.note}</p>}
      </div>
    );
  if (t.rejection)
    return (
      <p className="max-w-xs text-red-800" data-testid={`rejection-${t.id}`}>
        <strong>Rejected</strong> by {t.rejection.byName} on {shortInstant(t.rejection.rejectedAt)}: {t.rejection.reason}
      </p>
    );
  return (
    <div className="space-y-1">
      <span className="font-medium text-amber-800">pending verification</span>
      {review && <ReviewOrRule review={review} t={t} />}
    </div>
  );
}

function ReviewOrRule({ review, t }: { review: ReviewOffer; t: Transition }) {
  const rule = review.notYours.get(t.id);
  if (rule)
    return (
      <p className="max-w-xs text-xs text-slate-700" data-testid={`not-yours-${t.id}`}>
        Not yours to review: {rule}.
      </p>
    );
  // Named with the reporter and the time the row shows: two reports of one item to one status stay apart.
  const decides = reviewedTransitionWords(review.actions.itemKey, t.to, t.byName, shortInstant(t.recordedAt));
  return <VerifyForm {...review.actions} transitionId={t.id} decides={decides} />;
}
