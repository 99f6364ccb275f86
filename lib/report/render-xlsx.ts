import type ExcelJS from "exceljs";
import { neutralizeCell } from "../csv/to-csv";
import { percentFloor } from "../format";
import { FIELD_LABELS, SCHEDULE_STATE_LABELS, statusLabel, verdictLabel } from "../labels";
import { STATUSES, type Status } from "../status";
import { areaTableRows } from "./area-table-rows";
import { marginWords, promiseLimitWords, promisesEmptySentence, PROMISES_TITLE } from "./promise-words";
import type { BrokenPromise, WeeklyReport } from "./report-model";
import { stampStatementText, stampText, stampVersionText, type ReportStamp } from "./report-stamp";

/** A ratio shown as a percentage, floored like every percentage of the tracker. */
class Percent {
  constructor(readonly ratio: number) {}
}
type Cell = string | number | boolean | Date | Percent | null;

/** A stored date ("2024-12-31", or an instant) as a date cell: a spreadsheet sorts and filters it as one. */
const dateCell = (value: string | null): Date | null => (value ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : null);
/** Text a spreadsheet could take for a formula stays text (as in the CSV). */
const text = (value: string | null): string => neutralizeCell(value);
const statusCell = (s: Status) => statusLabel(s);

/** A sheet with a bold, frozen header row, filters on, and each column as wide as it needs up to a limit. */
function addTable(book: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly Cell[][]) {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...headers]).font = { bold: true };
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((c) => (c instanceof Percent ? percentFloor(c.ratio) / 100 : c)));
    cells.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = "yyyy-mm-dd";
      if (c instanceof Percent) row.getCell(i + 1).numFmt = "0.0%";
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: headers.length } };
  headers.forEach((h, i) => {
    const widest = Math.max(h.length, ...rows.map((r) => (r[i] instanceof Date ? 10 : String(r[i] ?? "").length)));
    sheet.getColumn(i + 1).width = Math.min(60, widest + 2);
  });
}

function summaryRows(r: WeeklyReport, stamp: ReportStamp | null): Cell[][] {
  const h = r.headline;
  const version: Cell[][] = stamp ? [["Version", text(stampText(stamp))]] : [];
  return [
    ...version,
    ["Program", text(r.program.name)],
    ["Week", r.week],
    ["Cutoff (end of the week)", dateCell(r.asOf)],
    ["Items in the program", h.total],
    ["Done (verified)", h.done],
    ["Done (reported)", h.reportedDone],
    ["Readiness (verified done / items, floored)", new Percent(h.readiness)],
    ["Effort readiness (floored)", new Percent(h.effortReadiness)],
    ["Started (verified)", h.startedTrue],
    ["Started (reported)", h.startedReported],
    ["Inflated (reported ahead of the evidence)", h.inflated],
    ["Blocked by an unfinished dependency", h.blocked],
    ["Critical path (weeks of unfinished work in a row)", h.remainingWeeks],
    ["No finish before (dependencies)", dateCell(h.earliestByDependencies)],
    ["Forecast (later of P85 and the critical path)", dateCell(h.forecastDate)],
    ["Forecast: why none", h.forecastDate === null ? text(r.forecast.reason) : null],
    ["Committed target date", dateCell(r.program.targetDate)],
    ...promiseRows(r),
    ["Log head at the cutoff", r.logHeadAtCutoff],
    ...version,
  ];
}

/** The promises section in the summary: the committed target against the schedule, how many items cannot keep a promise (listed on Items). */
function promiseRows(r: WeeklyReport): Cell[][] {
  const p = r.promises;
  if (!p) return [];
  const t = p.programTarget;
  return [
    ...(t ? [["Committed target against the schedule", `${SCHEDULE_STATE_LABELS[t.state]} — earliest finish ${t.earliestFinish}, ${marginWords(t.slackWeeks)}`] as Cell[]] : []),
    [`${PROMISES_TITLE} (items, marked on Items)`, p.impossible.length],
    ...(p.impossible.length === 0 ? [["Promised dates", promisesEmptySentence(p)] as Cell[]] : []),
  ];
}

// Excel refuses a workbook whose printed header or footer is longer than this, field codes included.
const HEADER_FOOTER_MAX = 255;
const PAGE_NUMBERS = "&RPage &P of &N";

/** Text for a header or footer: "&" doubled (it starts a field code there). */
const headerText = (text: string) => text.replace(/&/g, "&&");

/**
 * The stamp in `room` characters of a header or footer: the version words give way (cut with "…";
 * the Summary sheet keeps them whole), never the statement that the week is illustrative.
 */
function fitStamp(stamp: ReportStamp, room: number): string {
  const statement = headerText(stampStatementText(stamp));
  const version = Array.from(stampVersionText(stamp));
  let cut = version.length;
  while (cut > 0 && headerText(version.slice(0, cut).join("")).length + (cut < version.length ? 1 : 0) + statement.length > room) cut--;
  return `${headerText(version.slice(0, cut).join(""))}${cut < version.length ? "…" : ""}${statement}`;
}

/** The stamp in every sheet's printed header and footer. */
function printStamp(book: ExcelJS.Workbook, stamp: ReportStamp) {
  const header = `&L${fitStamp(stamp, HEADER_FOOTER_MAX - 2)}`;
  const footer = `&L${fitStamp(stamp, HEADER_FOOTER_MAX - 2 - PAGE_NUMBERS.length)}${PAGE_NUMBERS}`;
  for (const sheet of book.worksheets) sheet.headerFooter = { oddHeader: header, oddFooter: footer };
}

/**
 * The week's report as a workbook (Summary, Areas, Items, Claims): real numbers, booleans and
 * dates, human words for statuses and verdicts, a frozen and filtered header row on every sheet,
 * and no text a spreadsheet would run as a formula. The stamp, when given, is the first and the
 * last row of Summary and the printed header and footer of every sheet.
 */
export async function renderReportXlsx(r: WeeklyReport, stamp: ReportStamp | null = null): Promise<Buffer> {
  // Loaded on the first spreadsheet only: every CLI command and report request would pay for it.
  const { Workbook } = (await import("exceljs")).default;
  const book = new Workbook();
  // The cutoff, not the clock: the same week's workbook says the same thing whenever it is made.
  book.created = book.modified = new Date(r.cutoff);
  book.creator = "Boost Offload Tracker";
  book.title = `${r.program.name} — ${r.week}`;

  const areas = areaTableRows(r, "true");
  const areaHeader = ["Area", "Items", ...STATUSES.map((s) => `${statusLabel(s)} (true)`), "Inflated", "Blocked"];
  const areaRows: Cell[][] = [...areas.areas.map((a) => [text(a.area), ...a.counts]), ["All areas", ...areas.all]];
  // The headline, then the same per-area table as the Areas sheet, then the stamp again: a reader
  // who opens only the first sheet sees where the work stands by area.
  const summary = summaryRows(r, stamp);
  const closing = stamp ? summary.splice(summary.length - 1) : [];
  addTable(book, "Summary", ["Figure", "Value"], [...summary, [], areaHeader, ...areaRows, ...closing]);
  book.getWorksheet("Summary")!.getRow(summary.length + 3).font = { bold: true };

  // Like Inflated: a column per item, filled on the items whose promised date can no longer be met.
  const promises = r.promises && new Map(r.promises.impossible.map((p) => [p.key, p]));
  const promiseCells = (p: BrokenPromise | undefined): Cell[] =>
    p ? [true, dateCell(p.earliestFinish), p.weeksLate, text(promiseLimitWords(p))] : [false, null, null, null];
  addTable(
    book,
    "Areas",
    areaHeader,
    areaRows,
  );

  addTable(
    book,
    "Items",
    [
      FIELD_LABELS.key,
      FIELD_LABELS.title,
      FIELD_LABELS.area,
      FIELD_LABELS.owner,
      "Owner name",
      FIELD_LABELS.team,
      FIELD_LABELS.estimateWeeks,
      FIELD_LABELS.trueStatus,
      FIELD_LABELS.reportedStatus,
      "True status a week before",
      "True since",
      "Blocked",
      "Inflated",
      "On the critical path",
      FIELD_LABELS.identifiedAt,
      "Depends on",
      ...(promises ? ["Promise impossible", "Earliest finish", "Weeks late", "Limited by"] : []),
    ],
    r.items.map((i) => [
      text(i.key),
      text(i.title),
      text(i.area),
      text(i.owner),
      text(i.ownerName),
      text(i.team),
      i.estimateWeeks,
      statusCell(i.trueStatus),
      statusCell(i.reportedStatus),
      statusCell(i.trueStatusPreviousWeek),
      dateCell(i.trueSince),
      i.blocked,
      i.inflated,
      i.onCriticalPath,
      dateCell(i.identifiedAt),
      text(i.dependsOn.join(" ")),
      ...(promises ? promiseCells(promises.get(i.key)) : []),
    ]),
  );

  addTable(
    book,
    "Claims",
    ["Claim", "Date", "Speaker", "Venue", "Quote", "Paraphrase", FIELD_LABELS.verdictAtClaimDate, FIELD_LABELS.verdictKnownThen, FIELD_LABELS.verdictAtCutoff, "Linked items", "Met on its date", "Source"],
    r.claims.map((c) => [
      text(c.id),
      dateCell(c.date),
      text(c.speaker),
      text(c.venue),
      text(c.quote),
      c.quoteIsParaphrase,
      verdictLabel(c.verdictAtClaimDate),
      verdictLabel(c.verdictKnownThen),
      verdictLabel(c.verdictAtCutoff),
      c.linked,
      c.metAtClaimDate,
      text(c.url),
    ]),
  );

  if (stamp) printStamp(book, stamp);
  return Buffer.from(await book.xlsx.writeBuffer());
}
