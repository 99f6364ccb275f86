import { formatDateOrInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { verificationInputSchema } from "@/lib/validations/transition-input";
import type { Db } from "../index";
import { verifications, type Person } from "../schema";
import { checkReviewable, logDecision } from "./review-transition";

/**
 * A second person confirms a transition's evidence (DESIGN §2), with an optional note. Four eyes
 * over time (§13): not its reporter, nor anyone who owned the item or changed its owner since the
 * transition was recorded. Once per transition, and never once it was rejected. The API route and
 * the item page's server action both come through here.
 */
export interface VerifyTransitionArgs {
  slug: string;
  transitionId: number;
  /** `{ note? }` or nothing, parsed here. */
  input: unknown;
  actor: Person;
  now?: number;
}

export function verifyTransition(db: Db, { slug, transitionId, input, actor, now = Date.now() }: VerifyTransitionArgs) {
  const body = parseInput(verificationInputSchema, input ?? {}, "verification");
  return db.transaction((tx) => {
    const target = checkReviewable(tx, { slug, transitionId, actor, now, decision: "verify" });
    const inserted = tx
      .insert(verifications)
      .values({ transitionId, verifierId: actor.id, verifiedAt: now, recordedAt: now, note: body.note })
      .returning()
      .get();
    const fields = { verifiedBy: actor.email, verifiedAt: formatDateOrInstant(now), note: body.note };
    return logDecision(tx, { decision: "verify", id: inserted.id, target, actor, now, fields });
  });
}
