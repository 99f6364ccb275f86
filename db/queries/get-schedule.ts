import { horizonMark } from "@/lib/evidence-horizon";
import { fillJsonSlotBytes, JSON_SLOT, textOfChunks, utf8Bytes } from "@/lib/json-slot";
import { scheduleCoreOf, scheduleRows, type ProgramScheduleRows, type ScheduleCore, type ScheduleRow } from "@/lib/schedule/schedule-of-snapshot";
import { formatDate } from "@/lib/time";
import type { Db } from "../index";
import { loadSnapshot, type ProgramSnapshot } from "./load-snapshot";
import { memoByHead, weighBytes } from "./memo-by-head";

interface Memo {
  snapshot: ProgramSnapshot;
  core: ScheduleCore;
  answer: ProgramScheduleRows & { knownAt: string; factsUntil: string | null; illustrative: boolean };
}

async function compute(db: Db, slug: string, asOf: number, knownAt: number, previous?: Memo): Promise<Memo> {
  const snapshot = await loadSnapshot(db, slug, asOf, knownAt);
  if (previous && previous.snapshot === snapshot) return previous;
  const core = scheduleCoreOf(snapshot, snapshot.program.targetDate, previous?.core);
  const rows = scheduleRows(snapshot, core.schedule, previous && { listed: previous.snapshot.listed, schedule: previous.core.schedule, rows: previous.answer });
  return {
    snapshot,
    core,
    answer: { ...rows, knownAt: formatDate(knownAt), ...horizonMark(snapshot.program.factsUntil, asOf) },
  };
}

/**
 * The program's critical-path schedule at (asOf, knownAt), with its evidence horizon: a pure
 * function of the snapshot, memoised by log head. After a write the dates are computed again only
 * when an item's schedule input changed (done or not, estimate, target, dependencies). A
 * not_found AppError for an unknown slug.
 */
export async function getSchedule(db: Db, slug: string, asOf: number, knownAt: number) {
  return (await memoByHead(
    db,
    `schedule:${slug}:${asOf}:${knownAt}`,
    async () => await compute(db, slug, asOf, knownAt),
    async (previous) => await compute(db, slug, asOf, knownAt, previous),
    (m) => m.answer.items.length,
  )).answer;
}
export type ProgramSchedule = Awaited<ReturnType<typeof getSchedule>>;

// Rows are encoded in blocks: a row is never mutated and a write keeps most rows (scheduleRows),
// so a block whose rows are the same objects keeps its bytes.
const BLOCK = 256;
const blocks = new WeakMap<ScheduleRow, { rows: readonly ScheduleRow[]; bytes: Uint8Array }>();
const COMMA = utf8Bytes(",");

function blockBytes(rows: readonly ScheduleRow[]): Uint8Array {
  const known = blocks.get(rows[0]!);
  if (known && known.rows.length === rows.length && known.rows.every((r, i) => r === rows[i])) return known.bytes;
  const bytes = utf8Bytes(rows.map((r) => JSON.stringify(r)).join(","));
  blocks.set(rows[0]!, { rows, bytes });
  return bytes;
}

/** The API's answer as UTF-8 chunks, memoised like the value: at 10,000 items it is 5 MB. */
export async function getScheduleBytes(db: Db, slug: string, asOf: number, knownAt: number): Promise<readonly Uint8Array[]> {
  return await memoByHead(db, `schedule-bytes:${slug}:${asOf}:${knownAt}`, async () => {
    const answer = await getSchedule(db, slug, asOf, knownAt);
    const items: Uint8Array[] = [utf8Bytes("[")];
    for (let i = 0; i < answer.items.length; i += BLOCK) {
      if (i > 0) items.push(COMMA);
      items.push(blockBytes(answer.items.slice(i, i + BLOCK)));
    }
    items.push(utf8Bytes("]"));
    return fillJsonSlotBytes(JSON.stringify({ ...answer, items: JSON_SLOT }), items) ?? [utf8Bytes(JSON.stringify(answer))];
  }, undefined, weighBytes);
}

/** The schedule answer as JSON text. */
export async function getScheduleJson(db: Db, slug: string, asOf: number, knownAt: number): Promise<string> {
  return textOfChunks(await getScheduleBytes(db, slug, asOf, knownAt));
}
