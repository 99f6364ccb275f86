import { formatDateOrInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { rejectionInputSchema } from "@/lib/validations/transition-input";
import type { Db } from "../index";
import { transitionRejections } from "../schema";
import { recordDecision } from "./review-transition";
import type { WriteArgs } from "./write-args";

/**
 * A reviewer rejects a reported transition, saying why (DESIGN §13). Who may reject is exactly who
 * may verify (the same check); a transition is verified or rejected, never both, and only once.
 * The rejected transition stays reported but never raises the true status; the reporter may report
 * it again with new evidence. The API route and the item page's server action both come through here.
 * `input` is `{ reason }`.
 */
export interface RejectTransitionArgs extends WriteArgs {
  /** The item the transition belongs to, as the route names it. */
  key: string;
  transitionId: number;
}

export async function rejectTransition(db: Db, { slug, key, transitionId, input, actor, now = Date.now() }: RejectTransitionArgs) {
  const { reason } = parseInput(rejectionInputSchema, input, "rejection");
  const fields = { rejectedBy: actor.email, rejectedAt: formatDateOrInstant(now), reason };
  return await recordDecision(db, { slug, key, transitionId, actor, now, decision: "reject" }, fields, async (tx) =>
    (await tx.insert(transitionRejections).values({ transitionId, rejecterId: actor.id, rejectedAt: now, recordedAt: now, reason }).returning({ id: transitionRejections.id }))[0].id,
  );
}
