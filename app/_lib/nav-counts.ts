import "server-only";
import { cache } from "react";
import { getDb } from "@/db/get-db";
import { countMyWorkNew } from "@/db/queries/count-my-work-new";
import { countReviewable } from "@/db/queries/count-reviewable";
import type { NavCounts } from "@/components/site/nav-counts";
import { currentPerson } from "./auth";

/**
 * The header's numbers for the signed-in person: what is new in My work, and for a reviewer the
 * transitions awaiting their verification that they may decide on. One indexed statement each;
 * React's per-request cache computes them once however many parts of the page ask.
 */
export const navCounts = cache(async (): Promise<NavCounts | null> => {
  const person = await currentPerson();
  if (!person) return null;
  const db = getDb();
  const countedAt = Date.now();
  const news = countMyWorkNew(db, person, countedAt);
  return { myWorkNew: news.owned + news.awaiting + news.rejected + news.mentioned, reviewable: countReviewable(db, person, countedAt), countedAt };
});
