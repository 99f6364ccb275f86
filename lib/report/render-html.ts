import type { ClaimMark } from "../charts/claim-marks";
import type { StatusPoint } from "../charts/status-over-time";
import { VERDICT_LABELS, type Verdict } from "../claims/claim-verdict";
import { formatPercentFloor } from "../format";
import { artefactKindLabel, evidenceKindLabel, metricLabel, SCHEDULE_STATE_LABELS, signalValueWords, statusLabel, thresholdWords, verdictLabel, weeksOf } from "../labels";
import { STATUSES, type Status } from "../status";
import { areaTableRows } from "./area-table-rows";
import { claimLinkWords } from "./claim-link-words";
import { claimsFigure } from "./claims-figure";
import { NOTHING_LOGGED, nothingLoggedBy } from "./print-footer";
import { promiseLimitWords, promisesEmptySentence, promisesIntro, PROMISES_TITLE, programTargetLine, weeksWords } from "./promise-words";
import { LOG_HEAD_DEFINITION, type ReportPromises, type WeeklyReport } from "./report-model";
import { reportMoment } from "./report-moment";
import { stampText, type ReportStamp } from "./report-stamp";
import { STATUS_COLORS } from "../status-colors";
import { burnUpSvg, cumulativeFlowSvg, escapeXml as h } from "./svg-charts";

/** Columns a table can name as dates (data-dates="3 4", counted from 1): the CSS keeps each cell of them on one line. */
const MAX_DATE_COLUMN = 10;
const DATE_CELLS = Array.from({ length: MAX_DATE_COLUMN }, (_, i) => `table[data-dates~="${i + 1}"] td:nth-child(${i + 1})`).join(", ");

const CSS = `
@page { margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #0f172a; margin: 0; line-height: 1.35; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; padding-bottom: 0.8mm; border-bottom: 1px solid #cbd5e1; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 3mm 0 1mm; break-after: avoid; }
p { margin: 1mm 0; }
.lead { color: #334155; }
.muted { color: #475569; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 3mm 0; }
.card { border: 1px solid #cbd5e1; border-radius: 1.5mm; padding: 2mm; break-inside: avoid; }
.card .label { font-size: 7pt; text-transform: uppercase; letter-spacing: 0.04em; color: #475569; }
.card .value { font-size: 14pt; font-weight: bold; }
.card .sub { font-size: 7.5pt; color: #475569; }
.card.alarm .value { color: #9f1239; }
.charts { display: grid; grid-template-columns: 1fr; gap: 2mm; }
figure { break-inside: avoid; }
figure { margin: 0; border: 1px solid #e2e8f0; border-radius: 1.5mm; padding: 1.5mm; }
figcaption { font-size: 7.5pt; color: #475569; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-size: 7.5pt; color: #334155; border-bottom: 1px solid #94a3b8; padding: 0.6mm 1mm; }
td { border-bottom: 1px solid #e2e8f0; padding: 0.6mm 1mm; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 1px solid #94a3b8; }
.key { font-family: "DejaVu Sans Mono", monospace; white-space: nowrap; }
.st { display: inline-block; font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; padding: 0 1mm; border-radius: 1mm; white-space: nowrap; }
.down { color: #9f1239; font-weight: bold; }
.late { color: #9f1239; font-weight: bold; }
.claim { border-left: 2px solid #cbd5e1; padding-left: 2mm; margin: 2mm 0; break-inside: avoid; }
.claim ul { margin: 0.5mm 0 1mm; padding-left: 4mm; }
.date { white-space: nowrap; }
${DATE_CELLS} { white-space: nowrap; }
.quote { font-style: italic; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; word-break: break-all; }
.path { font-family: "DejaVu Sans Mono", monospace; }
a { color: #3730a3; text-decoration: none; }
.stamp { border: 1px solid #94a3b8; border-left-width: 3px; border-radius: 1mm; padding: 1.5mm 2mm; margin: 0 0 3mm; font-weight: bold; word-break: break-word; }
.stamp.draft { border-color: #b45309; background: #fffbeb; }
.stamp.published { border-color: #047857; background: #ecfdf5; }
.stamp.end { margin: 4mm 0 0; }
`;

const STATUS_BG: Record<Status, string> = {
  not_started: "#f1f5f9",
  design: "#e0f2fe",
  build: "#e0e7ff",
  validate: "#fef3c7",
  rollout: "#ffedd5",
  done: "#d1fae5",
};

const st = (s: Status) => `<span class="st" style="background:${STATUS_BG[s]};border:1px solid ${STATUS_COLORS[s]}">${statusLabel(s)}</span>`;
const key = (k: string) => `<span class="key">${h(k)}</span>`;
/** A date or moment of the model as people read it ("2024-07-01 17:00 UTC"); tables name their date columns instead. */
const when = (value: string) => h(reportMoment(value));
/** A date inside a sentence or a card, kept on one line. */
const date = (value: string) => `<span class="date">${when(value)}</span>`;
const link = (label: string, url: string) => (/^https?:\/\//i.test(url) ? `<a href="${h(url)}">${h(label)}</a>` : h(label));

/**
 * Rows a printed list shows at most. A week of 10,000 items would otherwise print hundreds of
 * pages (and take a minute to print) that nobody reads on paper; the whole lists are in the
 * week's JSON and on its page, and the printed page says how many it shows.
 */
export const PRINTED_ROWS = 200;

const printedCut = (shown: number, total: number) =>
  `<p class="muted">Printed: the first ${shown} of ${total}. All ${total} are in this week's JSON file and on its page in the tracker.</p>`;

interface TableOptions {
  /** Columns (from 0) of figures: right-aligned. */
  numeric?: readonly number[];
  /** Columns (from 0) of dates or moments, which never break at their hyphens ("2024-06-" over "30"). */
  dates?: readonly number[];
  rowClass?: (i: number) => string;
}

/** A printed table, cut at PRINTED_ROWS. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], { numeric = [], dates = [], rowClass }: TableOptions = {}): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="n"' : "");
  const printed = rows.slice(0, PRINTED_ROWS);
  const dateColumns = dates.filter((i) => i < MAX_DATE_COLUMN);
  return (
    `<table${dateColumns.length > 0 ? ` data-dates="${dateColumns.map((i) => i + 1).join(" ")}"` : ""}><thead><tr>${headers.map((x, i) => `<th${cls(i)}>${x}</th>`).join("")}</tr></thead><tbody>` +
    printed.map((r, ri) => `<tr${rowClass ? ` class="${rowClass(ri)}"` : ""}>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join("")}</tr>`).join("") +
    `</tbody></table>` +
    (rows.length > printed.length ? printedCut(printed.length, rows.length) : "")
  );
}

/** Items named in a sentence, cut like a table. */
function namedItems(items: readonly { key: string; title: string }[]): string {
  const printed = items.slice(0, PRINTED_ROWS);
  return `<p>${printed.map((u) => `${key(u.key)} ${h(u.title)}`).join("; ")}</p>` + (items.length > printed.length ? printedCut(printed.length, items.length) : "");
}

const none = (text = "None.") => `<p class="muted">${text}</p>`;

function card(label: string, value: string, sub: string, alarm = false) {
  return `<div class="card${alarm ? " alarm" : ""}"><div class="label">${label}</div><div class="value">${value}</div><div class="sub">${sub}</div></div>`;
}

function areaTable(r: WeeklyReport, which: "true" | "reported"): string {
  const extra = which === "true" ? ["inflated", "blocked"] : [];
  const { areas, all } = areaTableRows(r, which);
  const rows = [...areas.map((a) => [h(a.area), ...a.counts.map(String)]), ["All areas", ...all.map(String)]];
  const numeric = Array.from({ length: 1 + STATUSES.length + extra.length }, (_, i) => i + 1);
  return table(["area", "items", ...STATUSES.map(st), ...extra], rows, { numeric, rowClass: (i) => (i === rows.length - 1 ? "total" : "") });
}

/** The promises section: the committed target in words, then the items late against a promise, or a sentence. */
function promisesSection(p: ReportPromises): string[] {
  // The state is a word first; the colour only repeats it.
  const target = programTargetLine(p, (state) => `<strong${state === "impossible" ? ' class="late"' : ""}>${SCHEDULE_STATE_LABELS[state]}</strong>`);
  const out = [`<h2>${PROMISES_TITLE} (${p.impossible.length})</h2>`, ...(target ? [`<p>${target}</p>`] : [])];
  if (p.impossible.length === 0) return [...out, none(promisesEmptySentence(p))];
  return [
    ...out,
    `<p class="muted">${h(promisesIntro(p.impossible.length))}</p>`,
    table(
      ["item", "title", "target", "earliest finish", "late by", "limited by"],
      p.impossible.map((x) => [key(x.key), h(x.title), x.target ?? "—", x.earliestFinish, `<span class="late">${weeksWords(x.weeksLate)} late</span>`, h(promiseLimitWords(x))]),
      // "limited by" names a date too ("its own target 2024-06-30"): short enough to keep on one line.
      { numeric: [4], dates: [2, 3, 5] },
    ),
  ];
}

/** The burn-up's caption for its claim markers: what the colour and the letter say, and what a shared diamond shows. */
const CLAIM_MARKS_CAPTION =
  "Diamonds: public claims, each in the colour and with the letter of its verdict on its date, named in the legend below the chart; claims too close together share one diamond, which shows the worst of their verdicts.";

/** The history head in words; an empty history says so rather than print the chain's zeros as if they were a hash. */
const historyHeadLine = (head: string) =>
  nothingLoggedBy(head)
    ? `History head hash at the cutoff: ${NOTHING_LOGGED} (the chain's starting value, <span class="hash">${h(head)}</span>).`
    : `History head hash at the cutoff: <span class="hash">${h(head)}</span>`;

/** The stamp as a box at the head or the end of the page. */
const stampBox = (stamp: ReportStamp, end = false) =>
  `<p class="stamp ${stamp.version}${end ? " end" : ""}" data-stamp="${stamp.version}">${h(stampText(stamp))}</p>`;

/**
 * The report as a print-styled HTML page (A4 or Letter through Chromium), with the burn-up and
 * cumulative-flow charts drawn as inline SVG from `series` — no script, no external resource —
 * and, when given, the stamp at its head and its end.
 */
export function renderReportHtml(r: WeeklyReport, series: readonly StatusPoint[], stamp: ReportStamp | null = null): string {
  const hd = r.headline;
  const f = r.forecast;
  const c = r.changes;
  const claims = claimsFigure(r.claims);
  const body: string[] = [];
  const lastDate = series.at(-1)?.date;
  const charted: ClaimMark[] = lastDate
    ? r.claims.filter((x) => x.date <= lastDate).map((x) => ({ id: x.id, date: x.date, speaker: x.speaker, verdict: x.verdictAtClaimDate }))
    : [];
  if (stamp) body.push(stampBox(stamp));
  body.push(
    `<h1>Weekly report: ${h(r.program.name)} — ${r.week}</h1>`,
    `<p class="lead">Week ${r.week}, Monday ${r.weekStart} to Sunday ${r.weekEnd}. Every figure is as of the cutoff, ${r.cutoff.replace("T", " ").replace("Z", " UTC")}. A status counts only when the evidence its level needs is attached and a second person verified it; figures are never rounded up.</p>`,
    `<div class="cards">`,
    card("Done (verified)", `${hd.done} of ${hd.total}`, `readiness ${formatPercentFloor(hd.readiness)} · effort ${formatPercentFloor(hd.effortReadiness)}`, hd.done === 0 && hd.total > 0),
    card("Done (reported)", `${hd.reportedDone} of ${hd.total}`, `started: ${hd.startedTrue} verified, ${hd.startedReported} reported`),
    card("Inflated", String(hd.inflated), "reported ahead of the evidence", hd.inflated > 0),
    card("Blocked", String(hd.blocked), "waiting on an unfinished dependency"),
    card("Critical path", `${hd.remainingWeeks} wk`, `no finish before ${date(hd.earliestByDependencies)}`),
    card("Forecast", f.date ? date(f.date) : "none", f.date ? `P50 ${date(f.p50 ?? "—")} · P95 ${date(f.p95 ?? "—")}` : h(f.reason ?? ""), f.date === null),
    card("Committed target", r.program.targetDate ? date(r.program.targetDate) : "none", hd.notYetIdentified > 0 ? `${hd.notYetIdentified} ${hd.notYetIdentified === 1 ? "item" : "items"} identified later not counted` : "&nbsp;"),
    card(claims.label, claims.value, claims.sub),
    `</div>`,
    `<div class="charts">`,
    `<figure>${burnUpSvg(series, charted)}<figcaption>Burn-up: verified against reported done and scope, week by week to the cutoff.${charted.length > 0 ? ` ${CLAIM_MARKS_CAPTION}` : ""}</figcaption></figure>`,
    `<figure>${cumulativeFlowSvg(series)}<figcaption>Cumulative flow of true status: unverified progress does not count.</figcaption></figure>`,
    `</div>`,
  );

  body.push(`<h2>Changes since ${r.previousWeek}</h2>`);
  body.push(`<h3>True-status changes (${c.trueStatus.length})</h3>`);
  body.push(
    c.trueStatus.length === 0
      ? none()
      : table(
          ["item", "title", r.previousWeek, r.week, ""],
          c.trueStatus.map((x) => [key(x.key), h(x.title), st(x.from), st(x.to), x.direction === "down" ? `<span class="down">down</span>` : "up"]),
        ),
  );
  body.push(`<h3>Regressions reported during the week (${c.regressions.length})</h3>`);
  body.push(
    c.regressions.length === 0
      ? none()
      : table(["item", "title", "from", "to", "effective", "note"], c.regressions.map((x) => [key(x.key), h(x.title), st(x.from), st(x.to), when(x.effectiveAt), h(x.note)]), { dates: [4] }),
  );
  body.push(`<h3>New verifications (${c.verifications.length})</h3>`);
  body.push(
    c.verifications.length === 0
      ? none()
      : table(
          ["item", "title", "status", "effective", "verified", "by"],
          c.verifications.map((x) => [key(x.key), h(x.title), st(x.to), when(x.effectiveAt), when(x.verifiedAt), h(x.verifiedBy)]),
          { dates: [3, 4] },
        ),
  );
  // Only a week with a rejection has this section, as in the Markdown.
  if (c.rejections && c.rejections.length > 0)
    body.push(
      `<h3>Rejected transitions (${c.rejections.length})</h3>`,
      table(
        ["item", "title", "status", "effective", "rejected", "by", "reason"],
        c.rejections.map((x) => [key(x.key), h(x.title), st(x.to), when(x.effectiveAt), when(x.rejectedAt), h(x.rejectedBy), h(x.reason)]),
        { dates: [3, 4] },
      ),
    );
  body.push(`<h3>New evidence (${c.evidence.length})</h3>`);
  body.push(
    c.evidence.length === 0
      ? none()
      : table(
          ["item", "for", "recorded", "kind", "evidence"],
          c.evidence.map((x) => [key(x.key), st(x.to), when(x.recordedAt), h(evidenceKindLabel(x.kind)) + (x.fleetPercent === null ? "" : ` (${x.fleetPercent} %)`), x.url ? link(x.summary || x.url, x.url) : `${h(x.summary || x.file?.name || "")}${x.file ? ` (file ${h(x.file.name)}, sha256 <code>${h(x.file.sha256)}</code>)` : ""}`]),
          { dates: [2] },
        ),
  );
  if (c.newItems.length > 0)
    body.push(`<h3>Items identified during the week (${c.newItems.length})</h3>`, namedItems(c.newItems));

  body.push(`<h2>Status by area</h2>`, `<h3>True status (verified)</h3>`, areaTable(r, "true"), `<h3>Reported status</h3>`, areaTable(r, "reported"));

  body.push(`<h2>Inflated items (${r.inflated.length})</h2>`);
  body.push(
    r.inflated.length === 0
      ? none("No item is reported ahead of its evidence.")
      : table(["item", "title", "reported", "true"], r.inflated.map((i) => [key(i.key), h(i.title), st(i.reported), st(i.true)])),
  );
  body.push(`<h2>Critical path</h2>`);
  body.push(
    r.criticalPath.keys.length === 0
      ? none("Nothing remains on any dependency chain.")
      : `<p class="path">${r.criticalPath.keys.map(h).join(" → ")}</p><p>${weeksOf(r.criticalPath.remainingWeeks)} of unfinished work in a row: no finish before <strong>${date(r.criticalPath.earliestByDependencies)}</strong>, however many people join.</p>`,
  );
  body.push(`<h2>Forecast</h2>`);
  body.push(
    f.date === null
      ? `<p><strong>No forecast:</strong> ${h(f.reason ?? "")}. No date is invented.</p>`
      : table(["P50", "P85", "P95", "critical path allows", "honest date"], [[f.p50 ?? "—", f.p85 ?? "—", f.p95 ?? "—", f.earliestByDependencies, `<strong>${f.date}</strong>`]], { dates: [0, 1, 2, 3, 4] }),
    `<p class="muted">Verified completions per ISO week, ${f.sample[0]?.week ?? ""} to ${f.sample[f.sample.length - 1]?.week ?? ""}: ${f.sample.map((w) => w.done).join(" · ")}.</p>`,
  );

  if (r.promises) body.push(...promisesSection(r.promises));

  body.push(`<h2>Blocked items (${r.blocked.length})</h2>`);
  body.push(
    r.blocked.length === 0
      ? none("No item waits on an unfinished dependency.")
      : table(["item", "title", "true status", "waiting on"], r.blocked.map((b) => [key(b.key), h(b.title), st(b.trueStatus), b.waitingOn.map(key).join(", ")])),
  );

  body.push(`<h2>Public claims (${r.claims.length})</h2>`);
  if (r.claims.length === 0) body.push(none("No public claim dated on or before the cutoff."));
  const verdict = (v: Verdict) => `<strong>${h(verdictLabel(v))}</strong>`;
  for (const cl of r.claims)
    body.push(
      `<div class="claim"><p><strong>${date(cl.date)}${cl.datePrecision === "day" ? "" : " (day approximate)"}</strong> — ${h(cl.speaker)}${cl.venue ? `, ${h(cl.venue)}` : ""} · ${link("source", cl.url)}</p>` +
        `<p class="quote">${cl.quoteIsParaphrase ? "Paraphrase: " + h(cl.quote) : `“${h(cl.quote)}”`}</p>` +
        `<p>On its date: ${verdict(cl.verdictAtClaimDate)} (${cl.metAtClaimDate} of ${cl.linked} linked items met) · as recorded that day: ${verdict(cl.verdictKnownThen)} · at the cutoff: ${verdict(cl.verdictAtCutoff)}</p>` +
        `<p class="muted">${h(VERDICT_LABELS[cl.verdictAtClaimDate])}</p>` +
        (cl.links.length > 0 ? `<ul aria-label="Linked items">${cl.links.map((l) => `<li>${key(l.item)} ${h(claimLinkWords(l))}</li>`).join("")}</ul>` : "") +
        `</div>`,
    );

  const q = r.quality;
  body.push(`<h2>Quality</h2>`, `<h3>Threshold breaches on the latest signal by the cutoff (${q.breaches.length})</h3>`);
  body.push(
    `<p class="muted">Thresholds: test coverage at least ${q.thresholds.testCoveragePct} %, at most ${q.thresholds.unvettedCrates} unvetted crates${q.thresholds.crashOwnerRegistered ? ", crash owner registered" : ""}.</p>`,
    q.breaches.length === 0
      ? none("No breach.")
      : table(["item", "title", "metric", "value", "needs", "measured"], q.breaches.map((b) => [key(b.key), h(b.title), h(metricLabel(b.metric)), h(signalValueWords(b.metric, b.value)), h(thresholdWords(b.metric, b.threshold)), when(b.measuredAt)]), { numeric: [3], dates: [5] }),
    `<h3>Unowned items (${q.unowned.length})</h3>`,
    q.unowned.length === 0 ? none("Every item has an owner.") : namedItems(q.unowned),
  );
  if (q.artefacts.length > 0)
    body.push(
      `<h3>Artefacts behind the latest signals (${q.artefacts.length})</h3>`,
      table(
        ["artefact", "files (sha256)", "read by", "measured", "signals"],
        q.artefacts.map((a) => [h(artefactKindLabel(a.kind)), a.files.map((f) => `${h(f.name)} <code>${h(f.sha256)}</code>`).join("; "), h(a.tool), h(a.measuredAt.slice(0, 10)), String(a.signals)]),
        { numeric: [4], dates: [3] },
      ),
    );

  body.push(`<h2>All items (${r.items.length})</h2>`);
  body.push(
    r.items.length === 0
      ? none("No item was in the program at the cutoff.")
      : table(
          ["item", "title", "area", "owner", "est. wk", "true", "reported", r.previousWeek],
          r.items.map((i) => [
            key(i.key),
            h(i.title),
            h(i.area),
            i.ownerName === null ? `<strong class="down">no owner</strong>` : h(i.ownerName),
            String(i.estimateWeeks),
            st(i.trueStatus),
            st(i.reportedStatus),
            st(i.trueStatusPreviousWeek),
          ]),
          { numeric: [4] },
        ),
  );

  body.push(
    `<h2>History</h2>`,
    `<p>${historyHeadLine(r.logHeadAtCutoff)}</p>`,
    `<p class="muted">That is ${h(LOG_HEAD_DEFINITION)}. Check it with <code>npm run tracker -- verify-log</code>; regenerate this week with <code>npm run tracker -- report ${h(r.program.slug)} --week ${r.week}</code> and compare.</p>`,
  );
  if (stamp) body.push(stampBox(stamp, true));

  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h(r.program.name)} — ${r.week}</title><style>${CSS}</style></head><body>${body.join("\n")}</body></html>`;
}
