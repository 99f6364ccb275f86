import { affectedRows } from "../affected-rows";
import { transact } from "../transact";
import { eq } from "drizzle-orm";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { getProgramOrThrow } from "../queries/get-program-or-throw";
import { reportFeeds } from "../schema";

/** The prefix of feed tokens: a token of another shape is refused before any lookup. */
export const FEED_TOKEN_PREFIX = "feed";

/**
 * A new token for the program's Atom feed, returned once: only its sha256 is stored, and the
 * previous token stops working at once (its feed URL then answers 404). The log says that the
 * token was rotated, never any part of it.
 */
export async function rotateFeedToken(db: Db, { slug, actor }: { slug: string; actor: string }) {
  const token = newSecret(FEED_TOKEN_PREFIX);
  const now = Date.now();
  await transact(db, async (tx) => {
    const program = await getProgramOrThrow(tx, slug);
    await tx.insert(reportFeeds)
      .values({ programId: program.id, tokenHash: sha256(token), rotatedAt: now })
      .onConflictDoUpdate({ target: reportFeeds.programId, set: { tokenHash: sha256(token), rotatedAt: now } });
    await appendToLog(tx, { actor, action: "rotate", entity: "report-feed", entityId: slug, programSlug: slug, payload: {} });
  });
  return { token, rotatedAt: now };
}

/** Turns the feed off: no token opens it any more (every feed URL of the program answers 404). */
export async function turnOffFeed(db: Db, { slug, actor }: { slug: string; actor: string }) {
  await transact(db, async (tx) => {
    const program = await getProgramOrThrow(tx, slug);
    const removed = await tx.delete(reportFeeds).where(eq(reportFeeds.programId, program.id));
    if (affectedRows(removed) > 0) await appendToLog(tx, { actor, action: "remove", entity: "report-feed", entityId: slug, programSlug: slug, payload: {} });
  });
  return { feed: "off" as const };
}
