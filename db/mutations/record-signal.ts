import { transact } from "../transact";
import { signalValueProblem } from "@/lib/bundle/validate-bundle";
import { AppError } from "@/lib/errors";
import { formatDateOrInstant, toInstant } from "@/lib/time";
import { signalInputSchema } from "@/lib/validations/item-input";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { findProgramItem } from "../queries/find-program-item";
import { signals } from "../schema";
import type { WriteArgs } from "./write-args";

/** Records a dated measurement on an item (DESIGN §2). `input` is `{ metric, value, measuredAt? }`. */
export interface RecordSignalArgs extends WriteArgs {
  key: string;
}

export async function recordSignal(db: Db, { slug, key, input, actor, now = Date.now() }: RecordSignalArgs) {
  const body = parseInput(signalInputSchema, input, "signal");
  const problem = signalValueProblem(body.metric, body.value);
  if (problem) throw new AppError("invalid", "invalid signal", [{ path: "value", message: problem }]);
  const measuredAt = body.measuredAt ? toInstant(body.measuredAt) : now;
  if (measuredAt > now) throw new AppError("invalid", "invalid signal", [{ path: "measuredAt", message: "must not be in the future" }]);
  return await transact(db, async (tx) => {
    const { item } = await findProgramItem(tx, slug, key);
    const row = (await tx.insert(signals).values({ itemId: item.id, metric: body.metric, value: body.value, measuredAt }).returning())[0];
    const view = { item: key, metric: row.metric, value: row.value, measuredAt: formatDateOrInstant(measuredAt) };
    await appendToLog(tx, { actor: actor.email, action: "record", entity: "signal", entityId: key, programSlug: slug, payload: view });
    return { id: row.id, ...view };
  });
}
