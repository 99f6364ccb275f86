import { VERDICT_LABELS } from "../claims/claim-verdict";
import { formatPercentFloor } from "../format";
import { artefactKindLabel, SCHEDULE_STATE_LABELS } from "../labels";
import { STATUSES, type Status } from "../status";
import { areaTableRows } from "./area-table-rows";
import { markdownFooter, readMarkdownFooter, sha256Hex } from "./report-digest";
import { promiseLimitWords, PROMISES_HEADING, promisesEmptySentence, promisesIntro, programTargetLine, weeksFigure } from "./promise-words";
import { LOG_HEAD_DEFINITION, type ReportPromises, type WeeklyReport } from "./report-model";
import { stampText, type ReportStamp } from "./report-stamp";
import { escapeMarkdown as md, markdownLink, markdownTable } from "../markdown/markdown-text";

const code = (s: string) => `\`${s.replace(/`/g, "")}\``;
const status = (s: Status) => code(s);
const none = "None.";
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A verdict as words and its code, e.g. "**contradicted**". */
const verdict = (v: string) => `**${md(v)}**`;

/** "0 of 64": figures are counts, so nothing to round. */
const of = (part: number, total: number) => `${part} of ${total}`;

function headlineLines(r: WeeklyReport): string[] {
  const h = r.headline;
  const f = r.forecast;
  return [
    `- **Done (verified): ${of(h.done, h.total)} items** — readiness ${formatPercentFloor(h.readiness)}, effort readiness ${formatPercentFloor(h.effortReadiness)} (no partial credit: an item counts only when done)`,
    `- Done (reported): ${of(h.reportedDone, h.total)}`,
    `- Started: ${h.startedTrue} verified, ${h.startedReported} reported`,
    `- Inflated (reported ahead of the evidence): ${h.inflated}`,
    `- Blocked by an unfinished dependency: ${h.blocked}`,
    h.remainingWeeks > 0
      ? `- Critical path: ${h.remainingWeeks} weeks of unfinished work in a row — no finish before ${h.earliestByDependencies}, however many people join`
      : `- Critical path: nothing remains on any dependency chain`,
    f.date === null
      ? `- Forecast: **none** — ${md(f.reason ?? "no forecast")}`
      : `- Forecast (the later of P85 and the critical path): **${f.date}** (P50 ${f.p50}, P85 ${f.p85}, P95 ${f.p95})`,
    `- Committed target date: ${r.program.targetDate ?? "none set"}`,
    ...(h.notYetIdentified > 0 ? [`- ${plural(h.notYetIdentified, "item")} identified after the cutoff ${h.notYetIdentified === 1 ? "is" : "are"} not counted`] : []),
  ];
}

/** "heading (n)", then the list as a table, or `empty` when the list has nothing in it. */
function tableSection<T>(
  heading: string,
  list: readonly T[],
  table: { headers: readonly string[]; row: (x: T) => string[]; align?: readonly ("l" | "r")[]; empty?: string },
): string[] {
  return [`${heading} (${list.length})`, "", list.length === 0 ? (table.empty ?? none) : markdownTable(table.headers, list.map(table.row), table.align), ""];
}

function changesSection(r: WeeklyReport): string[] {
  const c = r.changes;
  return [
    `## Changes since ${r.previousWeek}`,
    "",
    ...tableSection("### True-status changes", c.trueStatus, {
      headers: ["Item", "Title", r.previousWeek, r.week, "Direction"],
      row: (x) => [md(x.key), md(x.title), status(x.from), status(x.to), x.direction === "up" ? "up" : "**down**"],
    }),
    ...tableSection("### Regressions reported during the week", c.regressions, {
      headers: ["Item", "Title", "From", "To", "Effective", "Note"],
      row: (x) => [md(x.key), md(x.title), status(x.from), status(x.to), x.effectiveAt, md(x.note)],
    }),
    ...tableSection("### New verifications (verified during the week)", c.verifications, {
      headers: ["Item", "Title", "Status", "Effective", "Verified", "By"],
      row: (x) => [md(x.key), md(x.title), status(x.to), x.effectiveAt, x.verifiedAt, md(x.verifiedBy)],
    }),
    // Only a week with a rejection has this section: the bytes of every other week stay as published.
    ...(c.rejections && c.rejections.length > 0
      ? tableSection("### Rejected transitions (rejected during the week; they never count toward the true status)", c.rejections, {
          headers: ["Item", "Title", "Status", "Effective", "Rejected", "By", "Reason"],
          row: (x) => [md(x.key), md(x.title), status(x.to), x.effectiveAt, x.rejectedAt, md(x.rejectedBy), md(x.reason)],
        })
      : []),
    ...tableSection("### New evidence (on transitions recorded during the week)", c.evidence, {
      headers: ["Item", "For", "Recorded", "Kind", "Evidence"],
      row: (x) => [
        md(x.key),
        status(x.to),
        x.recordedAt,
        code(x.kind) + (x.fleetPercent === null ? "" : ` (${x.fleetPercent} % of the fleet)`),
        // A file without a link is named with its digest: the report leaves no link empty.
        x.url ? markdownLink(x.summary || x.url, x.url) : `${md(x.summary || x.file?.name || "")}${x.file ? ` (file ${md(x.file.name)}, sha256 ${code(x.file.sha256)})` : ""}`,
      ],
    }),
    `### Items identified during the week (${c.newItems.length})`,
    "",
    c.newItems.length === 0 ? none : c.newItems.map((x) => `- ${md(x.key)} — ${md(x.title)} (${x.identifiedAt})`).join("\n"),
    "",
  ];
}

function areaTable(r: WeeklyReport, which: "true" | "reported"): string {
  const extra = which === "true" ? ["Inflated", "Blocked"] : [];
  const { areas, all } = areaTableRows(r, which);
  const rows = [...areas.map((a) => [md(a.area), ...a.counts.map(String)]), ["**All areas**", ...all.map((n) => `**${n}**`)]];
  return markdownTable(
    ["Area", "Items", ...STATUSES.map(code), ...extra],
    rows,
    ["l", "r", ...STATUSES.map(() => "r" as const), ...extra.map(() => "r" as const)],
  );
}

function forecastSection(r: WeeklyReport): string[] {
  const f = r.forecast;
  const sample = f.sample.map((w) => w.done).join(", ");
  const range = f.sample.length > 0 ? `${f.sample[0]!.week} to ${f.sample[f.sample.length - 1]!.week}` : "";
  const out = ["## Forecast", ""];
  if (f.date === null) out.push(`**No forecast:** ${md(f.reason ?? "none")}. No date is invented.`, "");
  else
    out.push(
      markdownTable(
        ["P50", "P85", "P95", "Critical path allows", "Honest date"],
        [[f.p50 ?? "—", f.p85 ?? "—", f.p95 ?? "—", f.earliestByDependencies, `**${f.date}**`]],
      ),
      "",
      `Monte Carlo, ${f.trials} trials drawing weekly throughput from the sample; the honest date is the later of P85 and the critical path.`,
      "",
    );
  out.push(`Verified completions per ISO week, ${range}: ${sample}.`, "");
  return out;
}

function promisesSection(p: ReportPromises): string[] {
  const out = [PROMISES_HEADING, ""];
  const target = programTargetLine(p, (state) => `**${SCHEDULE_STATE_LABELS[state]}**`);
  if (target) out.push(target, "");
  if (p.impossible.length === 0) return [...out, promisesEmptySentence(p), ""];
  return [
    ...out,
    promisesIntro(p.impossible.length),
    "",
    markdownTable(
      ["Item", "Title", "Target", "Earliest finish", "Weeks late", "Limited by"],
      p.impossible.map((x) => [md(x.key), md(x.title), x.target ?? "—", x.earliestFinish, weeksFigure(x.weeksLate), md(promiseLimitWords(x))]),
      ["l", "l", "l", "l", "r", "l"],
    ),
    "",
  ];
}

function claimsSection(r: WeeklyReport): string[] {
  const out = [`## Public claims (${r.claims.length})`, ""];
  if (r.claims.length === 0) return [...out, "No public claim dated on or before the cutoff.", ""];
  out.push(
    `Each claim is judged on its own date with everything known today, on its date as the records of that day showed, and at this week's cutoff (${r.asOf}). A link is met when the item's true status had reached the status the claim implies.`,
    "",
  );
  for (const c of r.claims) {
    out.push(`### ${c.date}${c.datePrecision === "day" ? "" : " (day approximate)"} — ${md(c.speaker)}${c.venue ? `, ${md(c.venue)}` : ""}`, "");
    out.push(c.quoteIsParaphrase ? `> Paraphrase: ${md(c.quote)}` : `> “${md(c.quote)}”`, "");
    out.push(
      `- On its date: ${verdict(c.verdictAtClaimDate)} (${of(c.metAtClaimDate, c.linked)} linked items met) — ${md(VERDICT_LABELS[c.verdictAtClaimDate])}`,
      `- As recorded that day: ${verdict(c.verdictKnownThen)}`,
      `- At the cutoff: ${verdict(c.verdictAtCutoff)}`,
      `- Links: ${c.links.length === 0 ? "none" : c.links.map((l) => `${md(l.item)} needs ${status(l.requires)}, was ${status(l.trueStatusAtClaimDate)}, now ${status(l.trueStatusAtCutoff)}`).join("; ")}`,
      `- Source: ${markdownLink(/^https?:\/\/([^/?#]+)/i.exec(c.url)?.[1] ?? c.url, c.url)}`,
      "",
    );
  }
  return out;
}

function qualitySection(r: WeeklyReport): string[] {
  const q = r.quality;
  const t = q.thresholds;
  return [
    "## Quality",
    "",
    `### Threshold breaches on the latest signal by the cutoff (${q.breaches.length})`,
    "",
    `Thresholds: test coverage at least ${t.testCoveragePct} %, at most ${t.unvettedCrates} unvetted crates${t.crashOwnerRegistered ? ", crash owner registered" : ""}.`,
    "",
    q.breaches.length === 0
      ? none
      : markdownTable(
          ["Item", "Title", "Metric", "Value", "Needs", "Measured"],
          q.breaches.map((b) => [md(b.key), md(b.title), code(b.metric), String(b.value), code(b.threshold), b.measuredAt]),
          ["l", "l", "l", "r", "l", "l"],
        ),
    "",
    `### Unowned items (${q.unowned.length})`,
    "",
    q.unowned.length === 0 ? "Every item has an owner." : q.unowned.map((u) => `- ${md(u.key)} — ${md(u.title)}`).join("\n"),
    "",
    // Only when a figure was read from an artefact: a report of typed figures reads as it always did.
    ...(q.artefacts.length === 0
      ? []
      : [
          `### Artefacts behind the latest signals (${q.artefacts.length})`,
          "",
          markdownTable(
            ["Artefact", "Files (sha256)", "Read by", "Measured", "Signals"],
            q.artefacts.map((a) => [md(artefactKindLabel(a.kind)), a.files.map((f) => `${md(f.name)} ${code(f.sha256)}`).join("; "), md(a.tool), a.measuredAt, String(a.signals)]),
            ["l", "l", "l", "l", "r"],
          ),
          "",
        ]),
  ];
}

/** The report body, everything the digest covers. */
function markdownBody(r: WeeklyReport): string {
  const lines: string[] = [
    `# Weekly report: ${md(r.program.name)} — ${r.week}`,
    "",
    `**Week ${r.week}**, Monday ${r.weekStart} to Sunday ${r.weekEnd}. Every figure is as of the cutoff, ${r.cutoff.replace("T", " ").replace("Z", " UTC")}, with everything the tracker records about that date. A status counts only when the evidence its level needs is attached and a second person verified it; figures are never rounded up.`,
    "",
    "## Headline",
    "",
    ...headlineLines(r),
    "",
    ...changesSection(r),
    "## Status by area",
    "",
    "### True status (verified)",
    "",
    areaTable(r, "true"),
    "",
    "### Reported status",
    "",
    areaTable(r, "reported"),
    "",
    ...tableSection("## Inflated items", r.inflated, {
      headers: ["Item", "Title", "Reported", "True"],
      row: (i) => [md(i.key), md(i.title), status(i.reported), status(i.true)],
      empty: "No item is reported ahead of its evidence.",
    }),
    ...tableSection("## Blocked items", r.blocked, {
      headers: ["Item", "Title", "True status", "Waiting on"],
      row: (b) => [md(b.key), md(b.title), status(b.trueStatus), b.waitingOn.map(md).join(", ")],
      empty: "No item waits on an unfinished dependency.",
    }),
    "## Critical path",
    "",
    r.criticalPath.keys.length === 0
      ? "Nothing remains on any dependency chain."
      : `${r.criticalPath.keys.map(md).join(" → ")}\n\n${r.criticalPath.remainingWeeks} weeks of unfinished work in a row (estimates of the items not done): no finish before **${r.criticalPath.earliestByDependencies}**, however many people join.`,
    "",
    ...forecastSection(r),
    // A report model stored before this section existed has none: it renders as it was published.
    ...(r.promises ? promisesSection(r.promises) : []),
    ...claimsSection(r),
    ...qualitySection(r),
    ...tableSection("## All items", r.items, {
      headers: ["Item", "Title", "Area", "Owner", "Estimate (wk)", "True", "Reported", `True, ${r.previousWeek}`],
      row: (i) => [
        md(i.key),
        md(i.title),
        md(i.area),
        i.ownerName === null ? "**no owner**" : md(i.ownerName),
        String(i.estimateWeeks),
        status(i.trueStatus) + (i.inflated ? " (inflated)" : "") + (i.blocked ? " (blocked)" : ""),
        status(i.reportedStatus),
        status(i.trueStatusPreviousWeek),
      ],
      align: ["l", "l", "l", "l", "r", "l", "l", "l"],
      empty: "No item was in the program at the cutoff.",
    }),
    "## History",
    "",
    `- History head hash at the cutoff: ${code(r.logHeadAtCutoff)}`,
    `- That is ${LOG_HEAD_DEFINITION}.`,
    `- Check the log with \`npm run tracker -- verify-log\`; check this file against the history with \`npm run tracker -- verify-report <file>\`.`,
    `- The last line of this file is a comment carrying the SHA-256 of every byte before it.`,
    "",
  ];
  return lines.join("\n");
}

/** Markdown for a wiki or an e-mail, closed by a footer line with the week, the log head and the digest. */
export function renderReportMarkdown(r: WeeklyReport): string {
  const body = markdownBody(r);
  return body + markdownFooter({ program: r.program.slug, week: r.week, logHeadAtCutoff: r.logHeadAtCutoff, sha256: sha256Hex(body) });
}

/**
 * The sealed Markdown with its stamp: a line above the body and a line below it, before the footer.
 * Both stay outside the digest (readMarkdownFooter leaves them out), so stamping changes neither the
 * body nor its SHA-256, and a stamped file verifies like the sealed one.
 */
export function stampReportMarkdown(sealed: string, stamp: ReportStamp): string {
  const parts = readMarkdownFooter(sealed);
  if (!parts) throw new Error("only a sealed report can be stamped");
  const line = `> **${md(stampText(stamp))}**`;
  const footer = parts.unstamped.slice(parts.body.length);
  return `${line}\n\n${parts.body}\n${line} The stamp lines (this one and the first) are not part of the sealed report: the SHA-256 on the last line covers every byte between them.\n\n${footer}`;
}
