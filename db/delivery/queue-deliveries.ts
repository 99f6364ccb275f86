import { transact } from "../transact";
import { and, eq, isNull } from "drizzle-orm";
import { maskTarget } from "@/lib/delivery/mask-target";
import { AppError } from "@/lib/errors";
import { resolveReportWeek } from "@/lib/report/report-week";
import type { Db } from "../index";
import { getProgramOrThrow } from "../queries/get-program-or-throw";
import { findPublishedReport } from "../queries/load-published-reports";
import { reportDeliveries, reportSubscriptions } from "../schema";

export interface QueueArgs {
  slug: string;
  /** `YYYY-Www`; it must be published. */
  week: string;
  trigger: "publish" | "resend";
  requestedBy: string | null;
  /** The app's public origin, for the links in every message. */
  origin: string;
  now?: number;
}

export interface QueuedDelivery {
  id: number;
  subscriptionId: number;
  kind: (typeof reportSubscriptions.$inferSelect)["kind"];
  target: string;
}

/**
 * Records one pending delivery per enabled subscription of the program for a published week, in
 * one transaction of its own (never the publication's). A week that is not published is refused:
 * nothing is ever sent for it.
 */
export async function queueReportDeliveries(db: Db, { slug, week: label, trigger, requestedBy, origin, now = Date.now() }: QueueArgs) {
  const week = resolveReportWeek(label, now);
  return await transact(db, async (tx) => {
    const program = await getProgramOrThrow(tx, slug);
    if (!(await findPublishedReport(tx, program.id, week.label)))
      throw new AppError("conflict", `${week.label} of "${slug}" is not published: only a published week is sent`, [
        { path: "week", message: "publish the week first" },
      ]);
    const subscriptions = await tx
      .select()
      .from(reportSubscriptions)
      .where(and(eq(reportSubscriptions.programId, program.id), eq(reportSubscriptions.enabled, true), isNull(reportSubscriptions.removedAt)));
    const queued: QueuedDelivery[] = await Promise.all(subscriptions.map(async (s) => {
      const row = (await tx
        .insert(reportDeliveries)
        .values({ programId: program.id, subscriptionId: s.id, isoWeek: week.label, trigger, requestedAt: now, requestedBy, origin })
        .returning({ id: reportDeliveries.id }))[0];
      return { id: row.id, subscriptionId: s.id, kind: s.kind, target: maskTarget(s.kind, s.target) };
    }));
    return { program: slug, week: week.label, deliveries: queued };
  });
}
