import "server-only";
import { after } from "next/server";
import { sendPublishedReport } from "@/db/delivery/send-published-report";
import type { QueueArgs } from "@/db/delivery/queue-deliveries";
import type { Db } from "@/db/index";

/**
 * Records the deliveries of a published week now and sends them after the answer has gone
 * (Next's `after()`): a person never waits for retries, and every attempt lands in the delivery
 * log. A process that stops meanwhile leaves them for the next start (db/delivery/resume-deliveries.ts).
 */
export async function sendAfterAnswer(db: Db, args: QueueArgs) {
  const sending = await sendPublishedReport(db, args);
  if (sending.deliveries.length > 0)
    after(async () =>
      sending.run().catch((error: unknown) => {
        // runDeliveries writes its failures down; this is only for a fault of the database itself.
        console.error("report delivery:", error);
      }),
    );
  return { week: sending.week, deliveries: sending.deliveries };
}

/** After a publication: the same, but a failure to queue is said, never thrown — the week is published. */
export async function sendAfterPublication(db: Db, args: Omit<QueueArgs, "trigger">) {
  try {
    return { ...await sendAfterAnswer(db, { ...args, trigger: "publish" }), error: null };
  } catch (error) {
    console.error("report delivery after publication:", error);
    return { week: args.week, deliveries: [], error: error instanceof Error ? error.message : String(error) };
  }
}
