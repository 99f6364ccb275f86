import { evaluateClaims, type ClaimRecord } from "../claims/evaluate-claims";
import type { Verdict } from "../claims/claim-verdict";
import type { Snapshot } from "../build-snapshot";
import { visibleTransitions, type FoldTransition } from "../fold-item-status";
import { computeItemStatuses, type StatusCounts } from "../compute-item-statuses";
import type { IsoWeek } from "../iso-week";
import { waitingOn } from "../items/item-query";
import { toItemView, type ItemView } from "../items/item-view";
import { readinessOf } from "../readiness/compute-readiness";
import { countByArea } from "../readiness/count-by-area";
import { thresholdsOf, type Thresholds } from "../readiness/quality";
import type { ScheduleState } from "../schedule/schedule";
import { scheduleOfSnapshot } from "../schedule/schedule-of-snapshot";
import { levelOf, startedCount, statusAt, type Status } from "../status";
import { formatDate, formatDateOrInstant, formatInstant } from "../time";
import { previousWeek } from "./report-week";

export const REPORT_FORMAT_ID = "offload-tracker-report/v1";

/** What "the history head hash at the cutoff" means; printed in every report and the README. */
export const LOG_HEAD_DEFINITION =
  "the hash of the last entry of the tracker's hash-chained log written at or before the cutoff " +
  "(64 zeros when there was none): the head of the chain prefix the tracker had logged by then";

export interface ReportEvidence {
  kind: string;
  url: string;
  summary: string;
  fleetPercent: number | null;
  /** An attached file, by name and digest; absent when there is none, so older reports keep their bytes. */
  file?: { name: string; sha256: string };
}

/** What the report tells about a transition beyond the fold. */
export interface TransitionDetails {
  note: string;
  evidence: ReportEvidence[];
  verification: { verifiedAt: number; recordedAt: number; verifier: string } | null;
  rejection: { rejectedAt: number; recordedAt: number; rejecter: string; reason: string } | null;
}

export interface WeeklyReportInput {
  program: { slug: string; name: string; targetDate: number | null };
  /**
   * The program at the week's cutoff (asOf = week.end) with the knowledge used (the generator
   * passes now as knownAt, which never appears in the report); items in key order.
   */
  snapshot: Snapshot;
  /**
   * By transition id (a stored transition's `recordingOrder`): the details of at least every transition effective, recorded,
   * verified or rejected during the week — all the report shows (regressions' notes, new evidence, verifiers, rejections).
   */
  details: ReadonlyMap<number, TransitionDetails>;
  claims: readonly ClaimRecord[];
  week: IsoWeek;
  /** DESIGN §8: the head of the log at the cutoff, see LOG_HEAD_DEFINITION. */
  logHeadAtCutoff: string;
  /** The ingested artefacts behind the latest signals at the cutoff (none when every figure was typed). */
  artefacts?: readonly ReportArtefact[];
}

/** An ingestion whose signals the report's quality figures read: its files by digest, the reader, the date. */
export interface ReportArtefact {
  kind: string;
  files: { name: string; sha256: string }[];
  tool: string;
  measuredAt: string;
  /** How many of the latest signals at the cutoff came from it. */
  signals: number;
}

/** An item as the API shows it (ItemView), with what the week adds. */
export interface ReportItem extends ItemView {
  trueStatusPreviousWeek: Status;
  /** Effective date of the last move of the true status; null when it never moved. */
  trueSince: string | null;
  onCriticalPath: boolean;
}

export interface ReportClaim {
  id: string;
  date: string;
  datePrecision: "day" | "month" | "year";
  speaker: string;
  venue: string;
  quote: string;
  quoteIsParaphrase: boolean;
  url: string;
  linked: number;
  metAtClaimDate: number;
  verdictAtClaimDate: Verdict;
  verdictKnownThen: Verdict;
  verdictAtCutoff: Verdict;
  links: { item: string; requires: Status; trueStatusAtClaimDate: Status; trueStatusAtCutoff: Status }[];
}

/** A transition rejected during the week, with the reviewer's reason. */
export interface Rejection {
  key: string;
  title: string;
  to: Status;
  effectiveAt: string;
  rejectedAt: string;
  rejectedBy: string;
  reason: string;
}

/** An item in the program at the cutoff that cannot finish by a date promised for it or for what depends on it. */
export interface BrokenPromise {
  key: string;
  title: string;
  /** The item's own promised date, if any. */
  target: string | null;
  /** The earliest day it can finish, as the critical-path schedule weighs the work at the cutoff. */
  earliestFinish: string;
  /** Weeks from the latest finish that keeps the promise to the earliest finish (−slackWeeks; above 0). */
  weeksLate: number;
  /** The promised date that cannot be kept: an item's target (its own or a dependent's), or the program's committed target (key null). */
  limitedBy: { key: string | null; date: string };
}

/** What the critical-path schedule at the cutoff says about every promised date. */
export interface ReportPromises {
  /** The program's committed target against the day the program can finish at the earliest; null without one. */
  programTarget: {
    date: string;
    state: Exclude<ScheduleState, "done" | "no_target">;
    earliestFinish: string;
    /** Target minus earliest finish, in weeks; negative: it cannot be met. */
    slackWeeks: number;
  } | null;
  /** Items in the program at the cutoff with a promised date of their own. */
  promisedItems: number;
  /** Items whose promised date (their own, a dependent's or the program's) can no longer be met: most weeks late first, then by key. */
  impossible: BrokenPromise[];
}

/** DESIGN §8: everything a weekly report says, as plain data in a stable key order. */
export interface WeeklyReport {
  format: typeof REPORT_FORMAT_ID;
  program: { slug: string; name: string; targetDate: string | null };
  week: string;
  weekStart: string;
  weekEnd: string;
  /** The cutoff instant, Sunday 23:59:59.999 UTC; asOf of every figure. */
  cutoff: string;
  asOf: string;
  previousWeek: string;
  logHeadAtCutoff: string;
  headline: {
    total: number;
    done: number;
    readiness: number;
    effortReadiness: number;
    reportedDone: number;
    startedTrue: number;
    startedReported: number;
    inflated: number;
    blocked: number;
    remainingWeeks: number;
    earliestByDependencies: string;
    forecastDate: string | null;
    /** Items identified after the cutoff: outside the program at that date. */
    notYetIdentified: number;
  };
  byStatus: StatusCounts;
  changes: {
    trueStatus: { key: string; title: string; from: Status; to: Status; direction: "up" | "down" }[];
    regressions: { key: string; title: string; from: Status; to: Status; effectiveAt: string; note: string }[];
    verifications: { key: string; title: string; to: Status; effectiveAt: string; verifiedAt: string; verifiedBy: string }[];
    /**
     * Transitions rejected during the week (DESIGN §13). Present only when there is one, so a week
     * without rejections keeps the bytes (and digests) it had before rejections existed.
     */
    rejections?: Rejection[];
    evidence: {
      key: string;
      title: string;
      to: Status;
      recordedAt: string;
      kind: string;
      url: string;
      summary: string;
      fleetPercent: number | null;
      file?: { name: string; sha256: string };
    }[];
    newItems: { key: string; title: string; identifiedAt: string }[];
  };
  areas: { area: string; total: number; true: Record<Status, number>; reported: Record<Status, number>; inflated: number; blocked: number }[];
  inflated: { key: string; title: string; reported: Status; true: Status }[];
  blocked: { key: string; title: string; trueStatus: Status; waitingOn: string[] }[];
  criticalPath: { keys: string[]; remainingWeeks: number; earliestByDependencies: string };
  forecast: {
    date: string | null;
    p50: string | null;
    p85: string | null;
    p95: string | null;
    weeks: { p50: number | null; p85: number | null; p95: number | null } | null;
    reason: string | null;
    earliestByDependencies: string;
    trials: number;
    sample: { week: string; done: number }[];
  };
  /**
   * Promised dates that can no longer be met. Every report built today has it; a report model
   * stored at a publication made before it existed has not, and renders as it was published.
   */
  promises?: ReportPromises;
  claims: ReportClaim[];
  quality: {
    thresholds: Thresholds;
    breaches: { key: string; title: string; metric: string; value: number; threshold: string; measuredAt: string }[];
    unowned: { key: string; title: string }[];
    artefacts: ReportArtefact[];
  };
  items: ReportItem[];
}

/** Code-point order: the same on every machine, whatever its locale. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The promised dates of the program at the snapshot's asOf against its critical-path schedule
 * (lib/schedule): the program's committed target, and every item whose promised date — its own, a
 * dependent's or the program's — lies before the day it can finish at the earliest.
 */
export function promisesOf(snapshot: Pick<Snapshot, "listed" | "asOf">, programTarget: number | null): ReportPromises {
  const s = scheduleOfSnapshot(snapshot, programTarget);
  const impossible = s.items
    .filter((i) => i.state === "impossible")
    .map(
      (i): BrokenPromise => ({
        key: i.key,
        title: i.title,
        target: i.target,
        earliestFinish: i.earliestFinish!,
        weeksLate: -i.slackWeeks!,
        limitedBy: { key: i.limitedBy!.key, date: i.limitedBy!.date },
      }),
    )
    .sort((a, b) => b.weeksLate - a.weeksLate || byCodePoint(a.key, b.key));
  const state = s.targetState;
  return {
    // With a target the schedule always judges it; the other cases only narrow the types.
    programTarget:
      s.target !== null && state !== null && state !== "no_target" && state !== "done" && s.targetSlackWeeks !== null
        ? { date: s.target, state, earliestFinish: s.finish, slackWeeks: s.targetSlackWeeks }
        : null,
    promisedItems: s.items.filter((i) => i.target !== null).length,
    impossible,
  };
}

/** The report as it was before it said anything about promised dates: what a publication made then is compared with. */
export function withoutPromises(r: WeeklyReport): WeeklyReport {
  const { promises: _promises, ...rest } = r;
  return rest;
}

/**
 * The weekly report of DESIGN §8 as a pure function of the history, the week and knownAt.
 * asOf = the week's cutoff. Nothing in it depends on the clock, the time zone or the locale.
 */
export function buildWeeklyReport(input: WeeklyReportInput): WeeklyReport {
  const { program, week, snapshot } = input;
  const { asOf, knownAt, items: history } = snapshot;
  if (asOf !== week.end) throw new Error(`the snapshot of ${week.label} must be taken at its cutoff`);
  const prev = previousWeek(week);
  const r = readinessOf(snapshot);
  const { listed } = snapshot;
  const inProgram = new Map(listed.map((i) => [i.key, i]));
  const historyOf = new Map(history.map((i) => [i.key, i]));
  const detailsOf = (t: FoldTransition): TransitionDetails => {
    const d = input.details.get(t.recordingOrder);
    if (!d) throw new Error(`the details of transition #${t.recordingOrder} were not loaded for ${week.label}`);
    return d;
  };
  const before = new Map(computeItemStatuses(history, prev.end, knownAt).map((s) => [s.key, s]));
  const statusBefore = (key: string): Status => {
    const s = before.get(key);
    return s && s.inProgram ? s.trueStatus : "not_started";
  };
  const onPath = new Set(r.criticalPath.keys);
  const titleOf = (key: string) => inProgram.get(key)?.title ?? "";
  const inWeek = (t: number) => t >= week.start && t <= week.end;

  const changes: WeeklyReport["changes"] = { trueStatus: [], regressions: [], verifications: [], evidence: [], newItems: [] };
  const rejections: Rejection[] = [];
  for (const item of listed) {
    const from = statusBefore(item.key);
    if (from !== item.trueStatus)
      changes.trueStatus.push({
        key: item.key,
        title: item.title,
        from,
        to: item.trueStatus,
        direction: levelOf(item.trueStatus) > levelOf(from) ? "up" : "down",
      });
    if (inWeek(item.identifiedAt)) changes.newItems.push({ key: item.key, title: item.title, identifiedAt: formatDateOrInstant(item.identifiedAt) });

    const visible = visibleTransitions(historyOf.get(item.key)!.transitions, asOf, knownAt);
    let reportedLevel = 0;
    for (const t of visible) {
      const level = levelOf(t.to);
      if (t.effectiveAt >= week.start && level < reportedLevel)
        changes.regressions.push({
          key: item.key,
          title: item.title,
          from: statusAt(reportedLevel),
          to: t.to,
          effectiveAt: formatDateOrInstant(t.effectiveAt),
          note: detailsOf(t).note,
        });
      reportedLevel = level;
      // Not in the map: not verified during the week (see `details`).
      const v = input.details.get(t.recordingOrder)?.verification;
      if (v && v.recordedAt <= knownAt && inWeek(v.verifiedAt))
        changes.verifications.push({
          key: item.key,
          title: item.title,
          to: t.to,
          effectiveAt: formatDateOrInstant(t.effectiveAt),
          verifiedAt: formatDateOrInstant(v.verifiedAt),
          verifiedBy: v.verifier,
        });
      const rejection = input.details.get(t.recordingOrder)?.rejection;
      if (rejection && rejection.recordedAt <= knownAt && inWeek(rejection.rejectedAt))
        rejections.push({
          key: item.key,
          title: item.title,
          to: t.to,
          effectiveAt: formatDateOrInstant(t.effectiveAt),
          rejectedAt: formatDateOrInstant(rejection.rejectedAt),
          rejectedBy: rejection.rejecter,
          reason: rejection.reason,
        });
    }
    const recordedInWeek = visible.filter((t) => inWeek(t.recordedAt)).sort((a, b) => a.recordedAt - b.recordedAt || a.recordingOrder - b.recordingOrder);
    for (const t of recordedInWeek)
      for (const e of detailsOf(t).evidence)
        changes.evidence.push({
          key: item.key,
          title: item.title,
          to: t.to,
          recordedAt: formatDateOrInstant(t.recordedAt),
          kind: e.kind,
          url: e.url,
          summary: e.summary,
          fleetPercent: e.fleetPercent,
          ...(e.file ? { file: { ...e.file } } : {}),
        });
  }
  changes.verifications.sort((a, b) => byCodePoint(a.verifiedAt, b.verifiedAt) || byCodePoint(a.key, b.key));
  rejections.sort((a, b) => byCodePoint(a.rejectedAt, b.rejectedAt) || byCodePoint(a.key, b.key));

  const started = (counts: Record<Status, number>) => startedCount(counts, r.total);
  const claims = evaluateClaims(
    [...input.claims].filter((c) => c.date <= asOf).sort((a, b) => a.date - b.date || byCodePoint(a.id, b.id)),
    history,
    asOf,
    knownAt,
  );

  return {
    format: REPORT_FORMAT_ID,
    program: { slug: program.slug, name: program.name, targetDate: program.targetDate === null ? null : formatDate(program.targetDate) },
    week: week.label,
    weekStart: formatDate(week.start),
    weekEnd: formatDate(week.end),
    cutoff: formatInstant(asOf),
    asOf: formatDate(asOf),
    previousWeek: prev.label,
    logHeadAtCutoff: input.logHeadAtCutoff,
    headline: {
      total: r.total,
      done: r.done,
      readiness: r.readiness,
      effortReadiness: r.effortReadiness,
      reportedDone: r.reportedDone,
      startedTrue: started(r.byStatus.true),
      startedReported: started(r.byStatus.reported),
      inflated: r.inflated.length,
      blocked: r.blocked.length,
      remainingWeeks: r.criticalPath.remainingWeeks,
      earliestByDependencies: r.earliestByDependencies,
      forecastDate: r.forecast.date,
      notYetIdentified: r.notYetIdentified,
    },
    byStatus: r.byStatus,
    // Key order is the JSON export's: rejections after verifications, and only when there are some.
    changes: {
      trueStatus: changes.trueStatus,
      regressions: changes.regressions,
      verifications: changes.verifications,
      ...(rejections.length > 0 ? { rejections } : {}),
      evidence: changes.evidence,
      newItems: changes.newItems,
    },
    areas: countByArea(listed)
      .sort((a, b) => byCodePoint(a.area, b.area))
      .map((a) => ({ area: a.area, total: a.total, true: a.true, reported: a.reported, inflated: a.inflated, blocked: a.blocked })),
    inflated: r.inflated.map((i) => ({ key: i.key, title: titleOf(i.key), reported: i.reported, true: i.true })),
    blocked: listed
      .filter((i) => i.blocked)
      .map((i) => ({
        key: i.key,
        title: i.title,
        trueStatus: i.trueStatus,
        waitingOn: waitingOn(i, inProgram),
      })),
    criticalPath: { keys: r.criticalPath.keys, remainingWeeks: r.criticalPath.remainingWeeks, earliestByDependencies: r.earliestByDependencies },
    forecast: {
      date: r.forecast.date,
      p50: r.forecast.p50,
      p85: r.forecast.p85,
      p95: r.forecast.p95,
      weeks: r.forecast.weeks,
      reason: r.forecast.reason,
      earliestByDependencies: r.forecast.earliestByDependencies,
      trials: r.forecast.trials,
      sample: r.forecast.sample.map((w) => ({ week: w.week, done: w.done })),
    },
    promises: promisesOf(snapshot, program.targetDate),
    claims: claims.map((c) => ({
      id: c.id,
      date: c.date,
      datePrecision: c.datePrecision,
      speaker: c.speaker,
      venue: c.venue,
      quote: c.quote,
      quoteIsParaphrase: c.quoteIsParaphrase,
      url: c.url,
      linked: c.linked,
      metAtClaimDate: c.metAtClaimDate,
      verdictAtClaimDate: c.verdictAtClaimDate,
      verdictKnownThen: c.verdictKnownThen,
      verdictAtCutoff: c.verdictAsOf,
      links: c.links.map((l) => ({ item: l.item, requires: l.requires, trueStatusAtClaimDate: l.trueStatus, trueStatusAtCutoff: l.trueStatusAsOf })),
    })),
    quality: {
      thresholds: thresholdsOf(snapshot.thresholds),
      breaches: [...r.quality.breaches].sort((a, b) => byCodePoint(a.key, b.key) || byCodePoint(a.metric, b.metric)).map((b) => ({
        key: b.key,
        title: titleOf(b.key),
        metric: b.metric,
        value: b.value,
        threshold: b.threshold,
        measuredAt: formatDateOrInstant(b.measuredAt),
      })),
      unowned: r.quality.unowned.map((key) => ({ key, title: titleOf(key) })),
      artefacts: (input.artefacts ?? []).map((a) => ({ ...a, files: a.files.map((f) => ({ ...f })) })),
    },
    items: listed.map((i) => {
      // blocked and inflated stay after the week's fields: the key order of the JSON export.
      const { blocked, inflated, ...view } = toItemView(i);
      return {
        ...view,
        dependsOn: [...i.dependsOn],
        trueStatusPreviousWeek: statusBefore(i.key),
        trueSince: i.trueSince === null ? null : formatDateOrInstant(i.trueSince),
        blocked,
        inflated,
        onCriticalPath: onPath.has(i.key),
      };
    }),
  };
}
