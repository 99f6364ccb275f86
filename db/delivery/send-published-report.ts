import type { Db } from "../index";
import { queueReportDeliveries, type QueueArgs } from "./queue-deliveries";
import { defaultContext, runDeliveries, type DeliveryContext, type DeliveryOutcome } from "./run-deliveries";

/**
 * Sends a published week to every enabled subscription of its program — the one function the
 * server action, the API and the CLI share. The deliveries are recorded at once (a week that is
 * not published is refused here, before anything is written); `run` then sends them, retrying
 * with backoff. The web starts `run` after its answer (Next's `after()`), the CLI waits for it.
 * Never called inside the publication's transaction: a failed delivery never undoes a publication.
 */
export async function sendPublishedReport(db: Db, args: QueueArgs, ctx: DeliveryContext = defaultContext()) {
  const queued = await queueReportDeliveries(db, args);
  return {
    ...queued,
    run: async (): Promise<DeliveryOutcome[]> => await runDeliveries(db, queued.deliveries.map((d) => d.id), ctx),
  };
}
