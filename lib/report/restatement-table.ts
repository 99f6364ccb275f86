import { differenceValue, SCHEDULE_STATE_LABELS, verdictLabel } from "../labels";
import { upperFirst } from "../format";
import { VERDICTS, type Verdict } from "../claims/claim-verdict";
import { diffReports } from "./diff-reports";
import { PROMISES_TITLE } from "./promise-words";
import { byCodePoint, type WeeklyReport } from "./report-model";

/** One line of "what changed since publication": a figure or an item, its published value and today's. */
export interface RestatementRow {
  kind: "figure" | "item" | "claim" | "text";
  what: string;
  published: string;
  today: string;
}

const CLAIM_FIELDS: Record<string, string> = {
  verdictAtClaimDate: "verdict on its date",
  verdictKnownThen: "verdict as recorded that day",
  verdictAtCutoff: "verdict at the cutoff",
};
const ITEM_FIELDS: Record<string, string> = { trueStatus: "true status", reportedStatus: "reported status" };
const isVerdict = (v: string): v is Verdict => (VERDICTS as readonly string[]).includes(v);
/** A status or verdict in words; anything else (a date, a count, "not in the program") as it is. */
const words = (v: string) => (isVerdict(v) ? verdictLabel(v) : differenceValue(v));

/**
 * Counts of the week's lists that diffReports leaves out: a backfill often moves only these. The
 * promised dates count only when both reports have that section (a publication made before it has not).
 */
function listCounts(r: WeeklyReport, promises: boolean): [string, string][] {
  const p = promises ? r.promises : undefined;
  return [
    ["New evidence during the week", String(r.changes.evidence.length)],
    ["New verifications during the week", String(r.changes.verifications.length)],
    ["Regressions reported during the week", String(r.changes.regressions.length)],
    ["Transitions rejected during the week", String(r.changes.rejections?.length ?? 0)],
    ["Critical path", r.criticalPath.keys.join(" → ") || "nothing remains"],
    ...(p
      ? ([
          ["Committed target against the schedule", p.programTarget ? SCHEDULE_STATE_LABELS[p.programTarget.state] : "no committed target"],
          [PROMISES_TITLE, String(p.impossible.length)],
        ] as [string, string][])
      : []),
    ["Quality breaches", String(r.quality.breaches.length)],
    ["Unowned items", String(r.quality.unowned.length)],
    ["Public claims", String(r.claims.length)],
  ];
}

/** An item's fields a reader of the items table sees, beyond its statuses. */
const itemFields = (i: WeeklyReport["items"][number]): [string, string][] => [
  ["owner", i.ownerName ?? "no owner"],
  ["estimate (weeks)", String(i.estimateWeeks)],
];

/**
 * What a restated week's published report says against today's regeneration, as rows a person
 * reads: headline figures, the week's lists, each item's statuses and fields, claim verdicts. When
 * the two models agree on all of these yet the Markdown differs (a note, a name, an evidence
 * summary), one row says how many lines of text differ. Without the published model (unreadable),
 * only that row.
 */
export function restatementTable(published: WeeklyReport | null, today: WeeklyReport, differingLines: number): RestatementRow[] {
  const rows: RestatementRow[] = [];
  if (published) {
    const titles = new Map([...published.items, ...today.items].map((i) => [i.key, i.title]));
    const itemWhat = (key: string, field: string) => `${key} ${titles.get(key) ?? ""}`.trim() + ` — ${field}`;
    for (const d of diffReports(published, today, { full: true })) {
      if (d.kind === "figure") rows.push({ kind: "figure", what: upperFirst(d.what), published: d.was, today: d.now });
      else if (d.kind === "item") {
        const [key, field] = d.what.split(" ") as [string, string];
        rows.push({ kind: "item", what: itemWhat(key, ITEM_FIELDS[field] ?? field), published: words(d.was), today: words(d.now) });
      } else {
        const [, id, field] = d.what.split(" ") as [string, string, string];
        rows.push({ kind: "claim", what: `Claim ${id} — ${CLAIM_FIELDS[field] ?? field}`, published: words(d.was), today: words(d.now) });
      }
    }
    const promises = published.promises !== undefined && today.promises !== undefined;
    const before = new Map(listCounts(published, promises));
    for (const [what, now] of listCounts(today, promises)) if (before.get(what) !== now) rows.push({ kind: "figure", what, published: before.get(what)!, today: now });

    const was = new Map(published.items.map((i) => [i.key, i]));
    for (const item of today.items) {
      const p = was.get(item.key);
      if (!p) continue; // a new item shows as "not in the program" in its true status above
      const old = new Map(itemFields(p));
      for (const [field, now] of itemFields(item)) if (old.get(field) !== now) rows.push({ kind: "item", what: itemWhat(item.key, field), published: old.get(field)!, today: now });
    }

    const claimsBefore = new Set(published.claims.map((c) => c.id));
    const claimsNow = new Set(today.claims.map((c) => c.id));
    for (const id of [...new Set([...claimsBefore, ...claimsNow])].sort(byCodePoint))
      if (claimsBefore.has(id) !== claimsNow.has(id))
        rows.push({ kind: "claim", what: `Claim ${id}`, published: claimsBefore.has(id) ? "in the report" : "not in the report", today: claimsNow.has(id) ? "in the report" : "not in the report" });
  }
  if (rows.length === 0 && differingLines > 0)
    rows.push({
      kind: "text",
      what: "Text of the report (notes, names, evidence)",
      published: "as published",
      today: `${differingLines} ${differingLines === 1 ? "line differs" : "lines differ"}`,
    });
  return rows;
}
