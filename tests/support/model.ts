/**
 * An independent, deliberately simple model of DESIGN §3–§7, written from the design text (not from
 * lib/), and a seeded generator of valid program bundles to check the API against it.
 *
 * Nothing here imports the app: the model reads the same bundle JSON the test imports (or exports).
 */
import { TEST_ACCOUNTS } from "./test-accounts";
import { mulberry32 } from "@/lib/mulberry32";

// ---------------------------------------------------------------------------------------------
// Status ladder and time (DESIGN §3, §4)

export const LADDER = ["not_started", "design", "build", "validate", "rollout", "done"] as const;
export type Status = (typeof LADDER)[number];
export const level = (s: Status): number => LADDER.indexOf(s);

export const DAY = 86_400_000;
const HOUR = 3_600_000;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * DESIGN §4: a bare date as asOf/knownAt is the end of that day (23:59:59.999 UTC); as
 * effectiveAt/recordedAt/verifiedAt/identifiedAt it is its start. Anything else is an ISO instant.
 */
export function instant(text: string, edge: "start" | "end"): number {
  if (BARE_DATE.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    return edge === "start" ? start : start + DAY - 1;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`model: not a time: ${text}`);
  return ms;
}

export const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const isoInstant = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z");
const startOfDay = (ms: number): number => Math.floor(ms / DAY) * DAY;

/** The ISO week (Monday 00:00 .. Sunday 23:59:59.999 UTC) containing `ms`. */
function isoWeek(ms: number): { label: string; start: number; end: number } {
  const dow = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const start = startOfDay(ms) - dow * DAY;
  const thursday = new Date(start + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { label: `${year}-W${String(week).padStart(2, "0")}`, start, end: start + 7 * DAY - 1 };
}

// ---------------------------------------------------------------------------------------------
// Bundle shape (DESIGN §10), as the tests write it

export interface Evidence {
  kind: "design_doc" | "code_change" | "test_report" | "deployment" | "other";
  url: string;
  summary: string;
  fleetPercent?: number;
}
export interface BundleItem {
  key: string;
  title: string;
  area: string;
  owner: string | null;
  team: string;
  estimateWeeks: number;
  identifiedAt: string;
  dependsOn: string[];
}
export interface BundleTransition {
  item: string;
  to: Status;
  effectiveAt: string;
  recordedAt?: string | null;
  by: string;
  evidence: Evidence[];
  note: string;
  verifiedBy?: string | null;
  verifiedAt?: string | null;
}
export interface BundleClaim {
  id: string;
  date: string;
  speaker: string;
  venue: string;
  quote: string;
  url: string;
  links: { item: string; requires: Status }[];
}
export interface Bundle {
  format: "offload-tracker/v1";
  program: { slug: string; name: string; targetDate?: string | null; thresholds?: unknown };
  people: { email: string; name: string; team: string }[];
  items: BundleItem[];
  transitions: BundleTransition[];
  signals: unknown[];
  claims: BundleClaim[];
}

// ---------------------------------------------------------------------------------------------
// Seeded generator

const EXTRA_PEOPLE = [
  { email: "gen.alex@example.org", name: "Alex Generated", team: "Platform" },
  { email: "gen.bo@example.org", name: "Bo Generated", team: "Fleet" },
];
const TITLE_WORDS = ["Key-value store", "Tracing", "Logging", "Metrics", "Crash reporting", "Node agent", "Scheduler", "Gateway"];
const AREAS = [
  { name: "Foundations", prefix: "FND" },
  { name: "Storage", prefix: "STO" },
  { name: "Networking", prefix: "NET" },
];
const GATE_EVIDENCE: Record<number, Evidence["kind"]> = { 2: "design_doc", 3: "code_change", 4: "test_report", 5: "deployment" };
const START = Date.UTC(2023, 9, 1); // 2023-10-01: nothing is identified before it
const HISTORY_END = Date.UTC(2025, 9, 31); // effective dates stay before this

/**
 * A valid bundle: 8–15 items in 2–3 areas, a random DAG (deps on earlier items), some items
 * identified in 2024-06, histories that satisfy the gates (cumulative evidence, notes on moves
 * down), four-eyes verifications, late verifications, backfilled transitions, regressions, claims.
 */
export function generateBundle(seed: number, slug: string): Bundle {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p: number) => rnd() < p;
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;

  const people = [
    ...Object.values(TEST_ACCOUNTS).map((a) => ({ email: a.email, name: a.name, team: "Test" })),
    ...EXTRA_PEOPLE,
  ];
  // The viewer account owns, reports and verifies nothing anywhere: the browser tests read its My
  // work as a person with nothing, in the database these programs share with them.
  const emails = people.map((p) => p.email).filter((e) => e !== TEST_ACCOUNTS.viewer.email);
  const areas = [...AREAS].sort(() => rnd() - 0.5).slice(0, int(2, 3));
  const n = int(8, 15);

  const items: BundleItem[] = [];
  for (let i = 0; i < n; i++) {
    const area = i < areas.length ? areas[i]! : pick(areas);
    const late = chance(0.25);
    const identifiedDay = late ? Date.UTC(2024, 5, int(1, 28)) : START + int(0, 75) * DAY;
    const identifiedAt = !late && chance(0.1) ? isoInstant(identifiedDay + int(1, 20) * HOUR) : ymd(identifiedDay);
    const dependsOn: string[] = [];
    for (let j = 0; j < i && dependsOn.length < 3; j++) if (chance(0.25)) dependsOn.push(items[j]!.key);
    items.push({
      key: `${area.prefix}-${String(i + 1).padStart(2, "0")}`,
      title: `${pick(TITLE_WORDS)} ${area.name.toLowerCase()} ${i + 1}`,
      area: area.name,
      owner: chance(0.15) ? null : pick(emails),
      team: pick(["Node Services", "Platform", "Fleet"]),
      // Decimal estimates too: their float sums (0.1 + 0.2 …) must not push a date a day later.
      estimateWeeks: pick([1, 2, 3, 4, 6, 8, 12, 0.5, 2.5, 0.1, 0.2, 0.7, 2.7, 1.3]),
      identifiedAt,
      dependsOn,
    });
  }

  // Per-item histories, generated in effective order so the gates can be honoured as we go.
  const perItem: BundleTransition[][] = items.map((item) => {
    const out: BundleTransition[] = [];
    const steps = chance(0.2) ? 0 : int(1, 8);
    // Work on some late-identified items began before the program took them in (DESIGN §4: outside
    // the program until identifiedAt, and not_started in a claim's links).
    const earlyWork = item.identifiedAt.startsWith("2024-06") && chance(0.5);
    let day = earlyWork ? START + int(20, 100) * DAY : startOfDay(instant(item.identifiedAt, "start")) + int(1, 40) * DAY;
    let reported = 0;
    const pool = new Set<string>(); // "design_doc", …, "deployment100"
    const swapped = new Set<number>(); // positions to list before their predecessor
    for (let k = 0; k < steps; k++) {
      const sameMoment = k > 0 && chance(0.1);
      if (!sameMoment) day += int(2, 45) * DAY;
      if (day > HISTORY_END) break;
      const down = reported >= 1 && (reported === 5 ? chance(0.6) : chance(0.15));
      const to = down ? int(0, reported - 1) : Math.min(5, reported + (chance(0.2) ? 2 : 1));
      const evidence: Evidence[] = [];
      const add = (kind: Evidence["kind"], fleetPercent?: number) =>
        evidence.push({
          kind,
          url: `https://evidence.example/${item.key}/${k}/${kind}`,
          summary: `${kind} for ${item.key}`,
          ...(fleetPercent === undefined ? {} : { fleetPercent }),
        });
      if (!down) {
        for (let g = 2; g <= to; g++) {
          const tag = g === 5 ? "deployment100" : GATE_EVIDENCE[g]!;
          if (!pool.has(tag)) {
            add(GATE_EVIDENCE[g]!, g === 5 ? 100 : undefined);
            pool.add(tag);
          }
        }
        // Evidence ahead of its gate, partial deployments and extras: counted later, cumulatively.
        if (to < 5 && chance(0.25) && !pool.has(to + 1 === 5 ? "deployment100" : GATE_EVIDENCE[to + 1] ?? "")) {
          if (to + 1 >= 2) {
            add(GATE_EVIDENCE[to + 1]!, to + 1 === 5 ? 100 : undefined);
            pool.add(to + 1 === 5 ? "deployment100" : GATE_EVIDENCE[to + 1]!);
          }
        }
        if (to === 4 && chance(0.4)) add("deployment", 25);
        if (chance(0.2)) add("other");
      }
      const prev = out[out.length - 1];
      const effectiveAt = sameMoment && prev ? prev.effectiveAt : chance(0.15) ? isoInstant(day + int(6, 20) * HOUR) : ymd(day);
      let recordedAt: string | undefined;
      if (sameMoment && prev) {
        if (chance(0.5) || swapped.has(out.length - 1)) recordedAt = prev.recordedAt ?? undefined; // a tie: recording order decides
        else {
          // Same effectiveAt, recorded later, but listed earlier in the bundle: recordedAt decides (§4).
          recordedAt = isoInstant(instant(prev.recordedAt ?? prev.effectiveAt, "start") + int(1, 30) * HOUR);
          swapped.add(out.length);
        }
      } else if (chance(0.3)) {
        const late = day + int(1, 60) * DAY;
        recordedAt = chance(0.5) ? ymd(late) : isoInstant(late + int(8, 18) * HOUR);
      }
      const by = pick(emails);
      const t: BundleTransition = {
        item: item.key,
        to: LADDER[to]!,
        effectiveAt,
        ...(recordedAt ? { recordedAt } : {}),
        by,
        evidence,
        note: down ? `regression: ${item.key} fell back to ${LADDER[to]}` : chance(0.3) ? "progress" : "",
      };
      if (chance(down ? 0.2 : 0.65)) {
        const verifiers = emails.filter((e) => e !== by && e !== item.owner);
        t.verifiedBy = pick(verifiers);
        if (chance(0.6)) {
          const recorded = instant(recordedAt ?? effectiveAt, "start");
          t.verifiedAt = isoInstant(recorded + int(0, 70) * DAY + int(1, 20) * HOUR);
        }
      }
      out.push(t);
      reported = to;
    }
    for (const i of swapped) [out[i - 1], out[i]] = [out[i]!, out[i - 1]!];
    return out;
  });

  // Interleave the items' histories (the bundle order is the recording order), keeping each
  // item's own order.
  const transitions: BundleTransition[] = [];
  const cursors = perItem.map(() => 0);
  for (;;) {
    const open = perItem.map((h, i) => (cursors[i]! < h.length ? i : -1)).filter((i) => i >= 0);
    if (open.length === 0) break;
    const i = pick(open);
    transitions.push(perItem[i]![cursors[i]!++]!);
  }

  const claims: BundleClaim[] = [];
  const claimCount = int(3, 6);
  for (let c = 0; c < claimCount; c++) {
    const linked = c === 0 ? [] : [...items].sort(() => rnd() - 0.5).slice(0, int(1, 5));
    claims.push({
      id: `claim-${seed}-${c}`,
      date: ymd(START + int(20, 760) * DAY),
      speaker: pick(["CTO", "VP Cloud", "Chief Architect"]),
      venue: pick(["Ignite", "Build", "Blog"]),
      quote: `Claim ${c} of seed ${seed}`,
      url: `https://claims.example/${seed}/${c}`,
      links: linked.map((i) => ({ item: i.key, requires: LADDER[pick([1, 1, 1, 2, 3, 5])]! })),
    });
  }

  return {
    format: "offload-tracker/v1",
    program: { slug, name: `Generated ${seed}`, targetDate: "2025-12-31" },
    people,
    items,
    transitions,
    signals: [],
    claims,
  };
}

// ---------------------------------------------------------------------------------------------
// The model

export interface Point {
  asOf?: string;
  knownAt?: string;
}

/** An item of the bundle as the model lists it, with its statuses. */
export interface ModelItem extends Omit<BundleItem, "identifiedAt"> {
  trueStatus: Status;
  reportedStatus: Status;
  blocked: boolean;
  inflated: boolean;
}

export type Verdict = "supported" | "mostly_supported" | "partly_supported" | "unsupported" | "contradicted" | "unrated";

interface T {
  to: number;
  effectiveAt: number;
  recordedAt: number;
  recordingOrder: number;
  verificationVisibleFrom: number | null;
}

export class Model {
  private readonly history = new Map<string, T[]>();

  constructor(readonly bundle: Bundle) {
    for (const item of bundle.items) this.history.set(item.key, []);
    bundle.transitions.forEach((t, recordingOrder) => {
      const effectiveAt = instant(t.effectiveAt, "start");
      // DESIGN §10: in a bundle recordedAt defaults to effectiveAt and verifiedAt to recordedAt.
      const recordedAt = t.recordedAt ? instant(t.recordedAt, "start") : effectiveAt;
      const verification = t.verifiedBy ? (t.verifiedAt ? instant(t.verifiedAt, "start") : recordedAt) : null;
      this.history.get(t.item)!.push({ to: level(t.to), effectiveAt, recordedAt, recordingOrder, verificationVisibleFrom: verification });
    });
  }

  /** Turns a query point into instants; an absent value is "now" (the request's time). */
  static resolve(p: Point, now = Date.now()): { asOf: number; knownAt: number } {
    return {
      asOf: p.asOf === undefined ? now : instant(p.asOf, "end"),
      knownAt: p.knownAt === undefined ? now : instant(p.knownAt, "end"),
    };
  }

  inProgram(key: string, asOf: number): boolean {
    const item = this.bundle.items.find((i) => i.key === key)!;
    return instant(item.identifiedAt, "start") <= asOf;
  }

  /** How many of an item's transitions are visible at (asOf, knownAt). */
  visibleCount(key: string, asOf: number, knownAt: number): number {
    return this.history.get(key)!.filter((t) => t.recordedAt <= knownAt && t.effectiveAt <= asOf).length;
  }

  /** DESIGN §4: reported and true level of one item, plus the instants its true status became done. */
  fold(key: string, asOf: number, knownAt: number): { reported: number; true: number; becameDone: number[] } {
    const visible = this.history
      .get(key)!
      .filter((t) => t.recordedAt <= knownAt && t.effectiveAt <= asOf)
      .sort((a, b) => a.effectiveAt - b.effectiveAt || a.recordedAt - b.recordedAt || a.recordingOrder - b.recordingOrder);
    let truth = 0;
    const becameDone: number[] = [];
    for (const t of visible) {
      const verified = t.verificationVisibleFrom !== null && t.verificationVisibleFrom <= knownAt;
      if (t.to < truth) truth = t.to;
      else if (t.to > truth && verified) {
        truth = t.to;
        if (truth === 5) becameDone.push(t.effectiveAt);
      }
    }
    return { reported: visible.length ? visible[visible.length - 1]!.to : 0, true: truth, becameDone };
  }

  /** The items in the program at asOf, with their statuses and flags. */
  items(asOf: number, knownAt: number): ModelItem[] {
    const inside = this.bundle.items.filter((i) => this.inProgram(i.key, asOf));
    const levels = new Map(inside.map((i) => [i.key, this.fold(i.key, asOf, knownAt)]));
    return inside.map((i) => {
      const s = levels.get(i.key)!;
      return {
        key: i.key,
        title: i.title,
        area: i.area,
        owner: i.owner,
        team: i.team,
        estimateWeeks: i.estimateWeeks,
        dependsOn: i.dependsOn,
        trueStatus: LADDER[s.true]!,
        reportedStatus: LADDER[s.reported]!,
        // §5: not done with at least one dependency not done; dependencies outside the program are ignored (§4).
        blocked: s.true !== 5 && i.dependsOn.some((d) => levels.has(d) && levels.get(d)!.true !== 5),
        inflated: s.reported > s.true,
      };
    });
  }

  readiness(asOf: number, knownAt: number) {
    const items = this.items(asOf, knownAt);
    const done = items.filter((i) => i.trueStatus === "done");
    const sum = (list: ModelItem[]) => list.reduce((s, i) => s + i.estimateWeeks, 0);
    const count = (pick: (i: ModelItem) => Status) =>
      Object.fromEntries(LADDER.map((s) => [s, items.filter((i) => pick(i) === s).length])) as Record<Status, number>;

    // Critical path weight: longest chain, not-done items weigh their estimate, done ones 0.
    // Computed in exact tenths of a week (the generator's estimates have one decimal).
    const byKey = new Map(items.map((i) => [i.key, i]));
    const memo = new Map<string, number>();
    const longest = (key: string): number => {
      if (memo.has(key)) return memo.get(key)!;
      const i = byKey.get(key)!;
      const own = i.trueStatus === "done" ? 0 : Math.round(i.estimateWeeks * 10);
      const rest = Math.max(0, ...i.dependsOn.filter((d) => byKey.has(d)).map(longest));
      memo.set(key, own + rest);
      return own + rest;
    };
    const remainingTenths = Math.max(0, ...items.map((i) => longest(i.key)));
    const remainingWeeks = remainingTenths / 10;

    // §6 throughput: items whose true status became done in each of the 12 ISO weeks ending with asOf's week.
    const events = items.flatMap((i) => this.fold(i.key, asOf, knownAt).becameDone.map((at) => ({ key: i.key, at })));
    const last = isoWeek(asOf);
    const sample = Array.from({ length: 12 }, (_, n) => {
      const w = isoWeek(last.start - (11 - n) * 7 * DAY);
      const keys = new Set(events.filter((e) => e.at >= w.start && e.at <= w.end && e.at <= asOf).map((e) => e.key));
      return { week: w.label, done: keys.size };
    });

    return {
      asOf: ymd(asOf),
      total: items.length,
      done: done.length,
      readiness: items.length ? done.length / items.length : 0,
      effortReadiness: sum(items) ? sum(done) / sum(items) : 0,
      byStatus: { true: count((i) => i.trueStatus), reported: count((i) => i.reportedStatus) },
      inflated: items
        .filter((i) => i.inflated)
        .map((i) => ({ key: i.key, reported: i.reportedStatus, true: i.trueStatus }))
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
      blocked: items.filter((i) => i.blocked).map((i) => i.key).sort(),
      unowned: items.filter((i) => i.owner === null).map((i) => i.key).sort(),
      remainingWeeks,
      earliestByDependencies: ymd(startOfDay(asOf) + Math.ceil((7 * remainingTenths) / 10) * DAY),
      sample,
      weekEnd: ymd(last.end),
      items,
    };
  }

  /** §7: met / started over a claim's links at (asOf, knownAt); items not yet identified count as not_started. */
  verdict(links: BundleClaim["links"], asOf: number, knownAt: number): { verdict: Verdict; met: number } {
    if (links.length === 0) return { verdict: "unrated", met: 0 };
    const levels = links.map((l) => (this.inProgram(l.item, asOf) ? this.fold(l.item, asOf, knownAt).true : 0));
    const met = links.filter((l, i) => levels[i]! >= level(l.requires)).length;
    const started = levels.filter((x) => x >= 1).length;
    const r = met / links.length;
    const verdict: Verdict =
      r === 1
        ? "supported"
        : r >= 0.75
          ? "mostly_supported"
          : r >= 0.25
            ? "partly_supported"
            : started > 0
              ? "unsupported"
              : "contradicted";
    return { verdict, met };
  }

  /**
   * Every claim's three verdicts. "Best knowledge today" is the query's knownAt (now by default);
   * "as known then" is the claim date's end, never later than the query's knownAt.
   */
  claims(asOf: number, knownAt: number) {
    return this.bundle.claims.map((c) => {
      const day = instant(c.date, "end");
      const atDate = this.verdict(c.links, day, knownAt);
      const status = (key: string, at: number) => LADDER[this.inProgram(key, at) ? this.fold(key, at, knownAt).true : 0]!;
      return {
        id: c.id,
        date: c.date,
        linked: c.links.length,
        links: c.links.map((l) => ({
          item: l.item,
          requires: l.requires,
          trueStatus: status(l.item, day),
          met: level(status(l.item, day)) >= level(l.requires),
          trueStatusAsOf: status(l.item, asOf),
          metAsOf: level(status(l.item, asOf)) >= level(l.requires),
        })),
        metAtClaimDate: atDate.met,
        verdictAtClaimDate: atDate.verdict,
        verdictKnownThen: this.verdict(c.links, day, Math.min(day, knownAt)).verdict,
        verdictAsOf: this.verdict(c.links, asOf, knownAt).verdict,
      };
    });
  }
}

/** Query points that exercise the bitemporal edges of a bundle (DESIGN §4). */
export function interestingPoints(bundle: Bundle, seed: number): Point[] {
  const rnd = mulberry32(seed ^ 0x9e3779b9);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const day = (text: string) => ymd(instant(text, "start"));
  const dayBefore = (text: string) => ymd(startOfDay(instant(text, "start")) - DAY);
  const justBefore = (text: string) => isoInstant(instant(text, "start") - 1000);
  const isInstant = (text?: string | null) => Boolean(text) && !BARE_DATE.test(text!);
  const points: Point[] = [
    { asOf: "2023-09-15" }, // before any item was identified
    { asOf: "2023-09-15", knownAt: "2023-09-15" },
    {}, // today
    { asOf: ymd(Date.now()) },
    { asOf: "2024-06-15T12:00:00Z", knownAt: "2025-01-01" },
    { asOf: "2024-12-31", knownAt: "2024-03-31" },
    { asOf: "2024-06-15T01:00:00+02:00", knownAt: "2025-03-01T23:30:00-01:00" }, // offsets: other UTC days
  ];
  const ts = bundle.transitions;
  for (let k = 0; k < 2 && ts.length; k++) points.push({ asOf: day(pick(ts).effectiveAt) });
  // A bare date as asOf is the end of the day: it includes a transition effective at 14:00 that day.
  const timed = ts.filter((t) => isInstant(t.effectiveAt));
  if (timed.length) {
    const t = pick(timed);
    points.push({ asOf: day(t.effectiveAt) }, { asOf: justBefore(t.effectiveAt) });
  }
  // Backfills: invisible to what was known the day before they were recorded, visible from then on.
  const backfills = ts.filter((t) => t.recordedAt && instant(t.recordedAt, "start") > instant(t.effectiveAt, "start"));
  if (backfills.length) {
    const b = pick(backfills);
    const asOf = ymd(instant(b.recordedAt!, "start") + 5 * DAY);
    points.push({ asOf, knownAt: dayBefore(b.recordedAt!) }, { asOf: b.effectiveAt, knownAt: b.recordedAt! }, { asOf, knownAt: day(b.recordedAt!) });
    const timedBackfills = backfills.filter((t) => isInstant(t.recordedAt));
    if (timedBackfills.length) points.push({ asOf, knownAt: justBefore(pick(timedBackfills).recordedAt!) });
  }
  // Verifications recorded after their transition: as known before, on the day, at and just before the instant.
  const late = ts.filter((t) => t.verifiedAt);
  if (late.length) {
    const v = pick(late);
    points.push(
      { asOf: day(v.verifiedAt!), knownAt: dayBefore(v.verifiedAt!) },
      { asOf: day(v.verifiedAt!), knownAt: day(v.verifiedAt!) },
      { asOf: day(v.verifiedAt!), knownAt: v.verifiedAt! },
      { asOf: day(v.verifiedAt!), knownAt: justBefore(v.verifiedAt!) },
    );
  }
  const lateItem = bundle.items.find((i) => i.identifiedAt.startsWith("2024-06"));
  if (lateItem) points.push({ asOf: dayBefore(lateItem.identifiedAt) }, { asOf: lateItem.identifiedAt });
  const timedItem = bundle.items.find((i) => isInstant(i.identifiedAt));
  if (timedItem) points.push({ asOf: day(timedItem.identifiedAt) }, { asOf: justBefore(timedItem.identifiedAt) });
  return points;
}

export const query = (p: Point, extra: Record<string, string> = {}): string => {
  const params = new URLSearchParams({ ...(p.asOf ? { asOf: p.asOf } : {}), ...(p.knownAt ? { knownAt: p.knownAt } : {}), ...extra });
  const s = params.toString();
  return s ? `?${s}` : "";
};
