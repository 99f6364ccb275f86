import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { maskTarget } from "@/lib/delivery/mask-target";
import { formatInstant } from "@/lib/time";
import type { Db } from "../index";
import type { DeliveryStatus } from "@/lib/delivery/delivery-states";
import { reportDeliveries, reportDeliveryAttempts, reportSubscriptions } from "../schema";
import { getProgramOrThrow } from "./get-program-or-throw";

export interface DeliveryAttemptView {
  attempt: number;
  at: string;
  durationMs: number;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface DeliveryView {
  id: number;
  week: string;
  trigger: "publish" | "resend";
  requestedAt: string;
  requestedBy: string | null;
  subscription: { id: number; kind: (typeof reportSubscriptions.$inferSelect)["kind"]; target: string; removed: boolean };
  status: DeliveryStatus;
  note: string;
  finishedAt: string | null;
  attempts: DeliveryAttemptView[];
}

// A pending delivery is taken within milliseconds by the process that queued it.
const PENDING_TOO_LONG_MS = 10 * 60_000;

function statusOf(d: typeof reportDeliveries.$inferSelect, now: number): DeliveryStatus {
  if (d.state === "sending" && d.leaseUntil !== null && d.leaseUntil < now) return "interrupted";
  if (d.state === "pending" && d.requestedAt < now - PENDING_TOO_LONG_MS) return "interrupted";
  return d.state;
}

/**
 * The delivery log of a program (admins): the newest deliveries first, each with its attempts in
 * order; `week` narrows it to one week. Secrets never leave here, and webhook URLs only masked.
 */
export async function listDeliveries(db: Db, slug: string, options: { week?: string; limit?: number; now?: number } = {}): Promise<DeliveryView[]> {
  const program = await getProgramOrThrow(db, slug);
  const now = options.now ?? Date.now();
  const where: SQL[] = [eq(reportDeliveries.programId, program.id)];
  if (options.week) where.push(eq(reportDeliveries.isoWeek, options.week));
  const rows = await db
    .select({
      d: reportDeliveries,
      kind: reportSubscriptions.kind,
      target: reportSubscriptions.target,
      removedAt: reportSubscriptions.removedAt,
    })
    .from(reportDeliveries)
    .innerJoin(reportSubscriptions, eq(reportDeliveries.subscriptionId, reportSubscriptions.id))
    .where(and(...where))
    .orderBy(desc(reportDeliveries.id))
    .limit(options.limit ?? 50);
  const ids = rows.map((r) => r.d.id);
  const attempts = ids.length
    ? await db.select().from(reportDeliveryAttempts).where(inArray(reportDeliveryAttempts.deliveryId, ids)).orderBy(asc(reportDeliveryAttempts.attempt))
    : [];
  return rows.map(({ d, kind, target, removedAt }) => ({
    id: d.id,
    week: d.isoWeek,
    trigger: d.trigger,
    requestedAt: formatInstant(d.requestedAt),
    requestedBy: d.requestedBy,
    subscription: { id: d.subscriptionId, kind, target: maskTarget(kind, target), removed: removedAt !== null },
    status: statusOf(d, now),
    note: d.note,
    finishedAt: d.finishedAt === null ? null : formatInstant(d.finishedAt),
    attempts: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({ attempt: a.attempt, at: formatInstant(a.startedAt), durationMs: a.durationMs, ok: a.ok, statusCode: a.statusCode, error: a.error })),
  }));
}
