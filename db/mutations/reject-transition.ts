import { formatDateOrInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { rejectionInputSchema } from "@/lib/validations/transition-input";
import type { Db } from "../index";
import { transitionRejections, type Person } from "../schema";
import { checkReviewable, logDecision } from "./review-transition";

/**
 * A reviewer rejects a reported transition, saying why (DESIGN §13). Who may reject is exactly who
 * may verify (the same check); a transition is verified or rejected, never both, and only once.
 * The rejected transition stays reported but never raises the true status; the reporter may report
 * it again with new evidence. The API route and the item page's server action both come through here.
 */
export interface RejectTransitionArgs {
  slug: string;
  /** The item the transition belongs to, as the route names it. */
  key: string;
  transitionId: number;
  /** `{ reason }`, parsed here. */
  input: unknown;
  actor: Person;
  now?: number;
}

export function rejectTransition(db: Db, { slug, key, transitionId, input, actor, now = Date.now() }: RejectTransitionArgs) {
  const body = parseInput(rejectionInputSchema, input, "rejection");
  return db.transaction((tx) => {
    const target = checkReviewable(tx, { slug, key, transitionId, actor, now, decision: "reject" });
    const inserted = tx
      .insert(transitionRejections)
      .values({ transitionId, rejecterId: actor.id, rejectedAt: now, recordedAt: now, reason: body.reason })
      .returning()
      .get();
    const fields = { rejectedBy: actor.email, rejectedAt: formatDateOrInstant(now), reason: body.reason };
    return logDecision(tx, { decision: "reject", id: inserted.id, target, actor, now, fields });
  });
}
