import { firstRow } from "../first-row";
import { and, asc, eq, isNull } from "drizzle-orm";
import { maskTarget } from "@/lib/delivery/mask-target";
import { formatInstant } from "@/lib/time";
import type { Db } from "../index";
import { reportFeeds, reportSubscriptions } from "../schema";
import { getProgramOrThrow } from "./get-program-or-throw";

/** A subscription as admins see it: never its secret, and a webhook's URL only masked. */
export interface SubscriptionView {
  id: number;
  kind: (typeof reportSubscriptions.$inferSelect)["kind"];
  target: string;
  secretPrefix: string | null;
  enabled: boolean;
  createdAt: string;
  createdBy: string | null;
  version: number;
}

/** A program's live subscriptions, oldest first, and whether its feed has a token (and since when). */
export async function listSubscriptions(db: Db, slug: string) {
  const program = await getProgramOrThrow(db, slug);
  const rows = await db
    .select({
      id: reportSubscriptions.id,
      kind: reportSubscriptions.kind,
      target: reportSubscriptions.target,
      secretPrefix: reportSubscriptions.secretPrefix,
      enabled: reportSubscriptions.enabled,
      createdAt: reportSubscriptions.createdAt,
      createdBy: reportSubscriptions.createdBy,
      version: reportSubscriptions.version,
    })
    .from(reportSubscriptions)
    .where(and(eq(reportSubscriptions.programId, program.id), isNull(reportSubscriptions.removedAt)))
    .orderBy(asc(reportSubscriptions.id));
  const feed = await firstRow(db.select({ rotatedAt: reportFeeds.rotatedAt }).from(reportFeeds).where(eq(reportFeeds.programId, program.id)));
  return {
    program: slug,
    subscriptions: rows.map((r): SubscriptionView => ({ ...r, target: maskTarget(r.kind, r.target), createdAt: formatInstant(r.createdAt) })),
    feed: { enabled: feed !== undefined, rotatedAt: feed ? formatInstant(feed.rotatedAt) : null },
  };
}
