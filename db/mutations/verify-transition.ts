import { formatDateOrInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { verificationInputSchema } from "@/lib/validations/transition-input";
import type { Db } from "../index";
import { verifications } from "../schema";
import { recordDecision } from "./review-transition";
import type { WriteArgs } from "./write-args";

/**
 * A second person confirms a transition's evidence (DESIGN §2), with an optional note. Four eyes
 * over time (§13): not its reporter, nor anyone who owned the item or changed its owner since the
 * transition was recorded. Once per transition, and never once it was rejected. The API route and
 * the item page's server action both come through here.
 * `input` is `{ note? }` or nothing.
 */
export interface VerifyTransitionArgs extends WriteArgs {
  transitionId: number;
}

export async function verifyTransition(db: Db, { slug, transitionId, input, actor, now = Date.now() }: VerifyTransitionArgs) {
  const { note } = parseInput(verificationInputSchema, input ?? {}, "verification");
  const fields = { verifiedBy: actor.email, verifiedAt: formatDateOrInstant(now), note };
  return await recordDecision(db, { slug, transitionId, actor, now, decision: "verify" }, fields, async (tx) =>
    (await tx.insert(verifications).values({ transitionId, verifierId: actor.id, verifiedAt: now, recordedAt: now, note }).returning({ id: verifications.id }))[0].id,
  );
}
