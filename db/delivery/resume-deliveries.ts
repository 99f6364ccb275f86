import { and, eq, gt, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../index";
import { reportDeliveries } from "../schema";
import { defaultContext, runDeliveries, type DeliveryContext } from "./run-deliveries";

// A delivery is taken up by the process that queued it within milliseconds; one still pending
// after this long lost its sender.
const ORPHANED_AFTER_MS = 60_000;
// Older news is not worth sending late: the delivery log shows it as interrupted instead.
const RESUME_WITHIN_MS = 24 * 3_600_000;

/**
 * At start-up: takes up deliveries a stopped process left unfinished (pending with no sender, or
 * sending under a lapsed lease) from the last day, and runs them to the end. Each is claimed
 * before it runs, so a CLI sending at the same moment never sends one twice.
 */
export async function resumeDeliveries(db: Db, ctx: DeliveryContext = defaultContext()) {
  const now = ctx.now();
  const ids = (await db
    .select({ id: reportDeliveries.id })
    .from(reportDeliveries)
    .where(
      and(
        inArray(reportDeliveries.state, ["pending", "sending"]),
        gt(reportDeliveries.requestedAt, now - RESUME_WITHIN_MS),
        or(
          and(eq(reportDeliveries.state, "pending"), lt(reportDeliveries.requestedAt, now - ORPHANED_AFTER_MS)),
          and(eq(reportDeliveries.state, "sending"), or(isNull(reportDeliveries.leaseUntil), lt(reportDeliveries.leaseUntil, now))),
        ),
      ),
    ))
    .map((r) => r.id);
  return { ids, done: ids.length > 0 ? runDeliveries(db, ids, ctx) : Promise.resolve([]) };
}
