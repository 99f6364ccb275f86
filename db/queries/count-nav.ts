import type { Db } from "../index";
import type { Person } from "../schema";
import { countMyWorkNew } from "./count-my-work-new";
import { countReviewable } from "./count-reviewable";

/** The numbers the header shows beside its links. */
export interface NavCounts {
  /** Entries of My work new since the person last opened it. */
  myWorkNew: number;
  /** Transitions awaiting verification the person may decide on; null for a role that does not verify. */
  reviewable: number | null;
  /** When they were counted (ms), so the header keeps the newer of two counts. */
  countedAt: number;
}

/**
 * The header's numbers for `person`: what is new in My work, and for a reviewer the transitions
 * awaiting verification they may decide on. One indexed statement each. The root layout counts
 * with it when a page is rendered, `GET /api/me/counts` when the header asks after a navigation.
 */
export async function countNav(db: Db, person: Person, countedAt: number = Date.now()): Promise<NavCounts> {
  const news = await countMyWorkNew(db, person, countedAt);
  return { myWorkNew: news.owned + news.awaiting + news.rejected + news.mentioned, reviewable: await countReviewable(db, person, countedAt), countedAt };
}
