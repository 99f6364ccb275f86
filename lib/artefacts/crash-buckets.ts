import { CsvError, type CsvErrorCode, parse } from "csv-parse/sync";
import { formatDate, instantStringSchema, toInstant } from "../time";
import { artefactError, type IngestResult, type ItemComponents, type ItemFigure } from "./artefact-types";
import { matchesName, splitComponents } from "./components-match";
import { countOf, formatCount } from "./count-words";

/** One crash bucket of a crash-report export: a distinct crash signature in one module. */
export interface CrashBucket {
  bucket: string;
  module: string;
  /** Null when the owner cell is empty: nobody is registered for it. */
  owner: string | null;
  hits: number;
  /** The start of the day when only a date is given: the earliest it can have been. */
  firstSeen: number;
  /** The end of the day when only a date is given: the latest it can have been. */
  lastSeen: number;
}

const KIND = "crash-bucket CSV";
const COLUMNS = ["bucket", "module", "owner", "hits", "firstSeen", "lastSeen"] as const;
type Column = (typeof COLUMNS)[number];
const COUNT = /^\d+$/;

interface Row {
  record: string[];
  info: { lines: number };
}

/**
 * The buckets of a crash-bucket CSV. The header row is required; its column names are matched
 * case-insensitively, in any order, and columns beyond the six are ignored. Dates are YYYY-MM-DD
 * or ISO 8601 instants. A missing column, an empty bucket or module, a bad number or date, a
 * bucket listed twice, or a row of the wrong width throws an artefactError naming the line.
 */
export function parseCrashBuckets(csv: string): CrashBucket[] {
  const rows = readRows(csv);
  const [header, ...body] = rows;
  if (!header) throw artefactError(KIND, `it is empty: the first row must be the header (${COLUMNS.join(", ")})`);
  const at = columnIndexes(header);

  const seen = new Map<string, number>();
  return body.map(({ record, info }) => {
    const line = info.lines;
    const cell = (column: Column) => record[at[column]] ?? "";
    const bucket = cell("bucket");
    if (bucket === "") throw artefactError(KIND, "the bucket cell is empty", line);
    const moduleName = cell("module");
    if (moduleName === "") throw artefactError(KIND, `bucket ${bucket} names no module`, line);
    const first = seen.get(bucket);
    if (first !== undefined) throw artefactError(KIND, `bucket ${bucket} is listed again (first on line ${first})`, line);
    seen.set(bucket, line);

    const hits = cell("hits");
    if (!COUNT.test(hits)) throw artefactError(KIND, `bucket ${bucket}: hits "${hits.slice(0, 20)}" is not a whole number`, line);
    const firstSeen = readInstant(cell("firstSeen"), "firstSeen", bucket, line, "start");
    const lastSeen = readInstant(cell("lastSeen"), "lastSeen", bucket, line, "end");
    if (lastSeen < firstSeen) throw artefactError(KIND, `bucket ${bucket} was last seen before it was first seen`, line);
    return { bucket, module: moduleName, owner: cell("owner") || null, hits: Number(hits), firstSeen, lastSeen };
  });
}

function readRows(csv: string): Row[] {
  let lastRowEnd = 0;
  try {
    // With `info`, csv-parse returns each record beside its line; its typings do not say so.
    return parse(csv, {
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        lastRowEnd = context.lines;
        return record;
      },
    }) as unknown as Row[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // An unclosed quote is only noticed at the end of the file: name the row it began on instead.
    const line = error.code === "CSV_QUOTE_NOT_CLOSED" ? firstFilledLineAfter(csv, lastRowEnd) : error.lines;
    throw artefactError(KIND, CSV_PROBLEMS[error.code] ?? error.message, typeof line === "number" ? line : undefined);
  }
}

function firstFilledLineAfter(csv: string, line: number): number {
  const lines = csv.split(/\r?\n/);
  let next = line;
  while (next < lines.length && lines[next].trim() === "") next++;
  return next + 1;
}

/** The CSV mistakes people make by hand, in words; any other keeps the parser's message. */
const CSV_PROBLEMS: Partial<Record<CsvErrorCode, string>> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "this row has a different number of cells than the header",
  CSV_QUOTE_NOT_CLOSED: "a quoted cell on this row is never closed",
  INVALID_OPENING_QUOTE: "a quote appears inside a cell that does not start with one",
};

function columnIndexes(header: Row): Record<Column, number> {
  const names = header.record.map((name) => name.toLowerCase());
  const at = {} as Record<Column, number>;
  for (const column of COLUMNS) {
    const index = names.indexOf(column.toLowerCase());
    if (index === -1) throw artefactError(KIND, `the header has no ${column} column (it needs ${COLUMNS.join(", ")})`, header.info.lines);
    if (names.indexOf(column.toLowerCase(), index + 1) !== -1) throw artefactError(KIND, `the header names ${column} twice`, header.info.lines);
    at[column] = index;
  }
  return at;
}

function readInstant(text: string, column: Column, bucket: string, line: number, edge: "start" | "end"): number {
  if (!instantStringSchema.safeParse(text).success) {
    throw artefactError(KIND, `bucket ${bucket}: ${column} "${text.slice(0, 30)}" is not a date YYYY-MM-DD or an ISO 8601 instant`, line);
  }
  return toInstant(text, edge);
}

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 30;
const LISTED_UNOWNED = 5;

/**
 * Whether a bucket is open at `measuredAt`: last seen at or after measuredAt − 30 days (that edge
 * included, as is measuredAt itself) and first seen at or before measuredAt. A bucket still seen
 * after measuredAt (an export taken later) was open then; one first seen after it did not exist yet.
 */
export function isOpenAt(bucket: CrashBucket, measuredAt: number): boolean {
  return bucket.lastSeen >= measuredAt - WINDOW_DAYS * DAY_MS && bucket.firstSeen <= measuredAt;
}

/**
 * Per item whose component names match a bucket's module: `open_crash_buckets`, the buckets open
 * at measuredAt (see isOpenAt), and `crash_owner_registered`, 1 when every open bucket has an
 * owner (so also when none is open) else 0. Modules no item names are `unmapped`.
 */
export function crashFigures(buckets: readonly CrashBucket[], items: readonly ItemComponents[], measuredAt: number): IngestResult {
  const figures: ItemFigure[] = [];
  const mapped = new Set<string>();
  const window = `the ${WINDOW_DAYS} days to ${formatDate(measuredAt)}`;

  for (const item of items) {
    const { names } = splitComponents(item.components);
    const mine = buckets.filter((b) => matchesName(names, b.module));
    if (mine.length === 0) continue;
    mine.forEach((b) => mapped.add(b.module));
    const open = mine.filter((b) => isOpenAt(b, measuredAt));
    const unowned = open.filter((b) => b.owner === null).map((b) => b.bucket);
    const none = `no bucket seen in ${window} (${countOf(mine.length, "bucket")} for its modules)`;
    figures.push(
      {
        key: item.key,
        metric: "open_crash_buckets",
        value: open.length,
        detail: open.length === 0 ? none : `${countOf(open.length, "bucket")} seen in ${window}, of ${formatCount(mine.length)} for its modules`,
      },
      { key: item.key, metric: "crash_owner_registered", value: unowned.length === 0 ? 1 : 0, detail: ownerDetail(open.length, unowned, none) },
    );
  }

  const unmapped = [...new Set(buckets.map((b) => b.module).filter((m) => !mapped.has(m)))].sort();
  return { figures, unmapped, notes: [] };
}

function ownerDetail(openCount: number, unowned: readonly string[], none: string): string {
  if (openCount === 0) return none;
  if (unowned.length === 0) return openCount === 1 ? "the open bucket has an owner" : `all ${formatCount(openCount)} open buckets have an owner`;
  const listed = unowned.slice(0, LISTED_UNOWNED).join(", ");
  const more = unowned.length > LISTED_UNOWNED ? ` and ${formatCount(unowned.length - LISTED_UNOWNED)} more` : "";
  return `${formatCount(unowned.length)} of ${countOf(openCount, "open bucket")} without an owner: ${listed}${more}`;
}
