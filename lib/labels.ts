import type { AccountState } from "./auth/account-state";
import type { SignalMetric } from "./bundle/bundle-schema";
import type { Verdict } from "./claims/claim-verdict";
import type { DeliveryStatus } from "./delivery/delivery-states";
import type { EvidenceKind } from "./gates";
import { STATUSES, type Status } from "./status";
import type { SubscriptionKind } from "./validations/subscription-input";
import type { ArtefactKind } from "./artefacts/artefact-types";
import type { ScheduleState } from "./schedule/schedule";

// The words people read for the identifiers the API, the bundle and the report CSV keep.

export const STATUS_LABELS: Record<Status, string> = {
  not_started: "Not started",
  design: "Design",
  build: "Build",
  validate: "Validate",
  rollout: "Rollout",
  done: "Done",
};

const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  design_doc: "Design doc",
  code_change: "Code change",
  test_report: "Test report",
  deployment: "Deployment",
  other: "Other",
};

const METRIC_LABELS: Record<SignalMetric, string> = {
  test_coverage_pct: "Test coverage %",
  third_party_crates: "Third-party crates",
  unvetted_crates: "Unvetted crates",
  crash_owner_registered: "Crash owner registered",
  open_crash_buckets: "Open crash buckets",
};

/** An account's state on the people page. */
export const ACCOUNT_STATE_LABELS: Record<AccountState, string> = {
  active: "Active",
  must_change_password: "Must choose a new password",
  no_password: "No password: cannot sign in",
  disabled: "Disabled",
};

/** What a subscription receives, in words. */
export const SUBSCRIPTION_KIND_LABELS: Record<SubscriptionKind, string> = {
  email: "E-mail",
  webhook: "Webhook (JSON)",
  slack: "Slack",
  teams: "Microsoft Teams",
};

/** What an ingested artefact is, in words. */
export const ARTEFACT_KIND_LABELS: Record<ArtefactKind, string> = {
  coverage: "Test coverage",
  cargo: "Rust dependencies",
  crashes: "Crash buckets",
};
export const artefactKindLabel = (k: string): string => ARTEFACT_KIND_LABELS[k as ArtefactKind] ?? k;

/** Where a signal's value came from, in words: what was read for each artefact kind. */
const SIGNAL_SOURCE_LABELS: Record<ArtefactKind, string> = {
  coverage: "read from a test coverage report",
  cargo: "read from the Rust dependency files",
  crashes: "read from a crash bucket export",
};
/**
 * A signal's source in words: null is a figure given as it is (through the API or in a bundle),
 * not read from a file; any other is the artefact kind it was read from, and a kind this version
 * does not know still says it was read.
 */
export const signalSourceLabel = (kind: string | null): string =>
  kind === null ? "entered by hand" : (SIGNAL_SOURCE_LABELS[kind as ArtefactKind] ?? `read from ${kind}`);

/** Where a delivery of a published week stands, in words. */
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: "Waiting to send",
  sending: "Sending",
  delivered: "Delivered",
  failed: "Failed",
  not_sent: "Not sent",
  interrupted: "Interrupted (the server stopped): send again",
};

export const FIELD_LABELS = {
  key: "Key",
  title: "Title",
  area: "Area",
  owner: "Owner",
  team: "Team",
  estimateWeeks: "Estimate (weeks)",
  trueStatus: "True status",
  reportedStatus: "Reported status",
  fleetPercent: "Fleet %",
  targetDate: "Target date",
  identifiedAt: "Identified",
  description: "Description",
  verdictAtClaimDate: "Verdict at the claim date",
  verdictKnownThen: "Verdict known then",
  verdictAtCutoff: "Verdict at the cutoff",
} as const;
export type Field = keyof typeof FIELD_LABELS;

/** What a promised date says about an item's or the program's schedule, in words. */
export const SCHEDULE_STATE_LABELS: Record<ScheduleState, string> = {
  done: "done",
  impossible: "impossible",
  at_risk: "at risk",
  on_track: "on track",
  no_target: "no promised date",
};

export const statusLabel = (s: Status): string => STATUS_LABELS[s];
/**
 * What a review decides, as a screen reader reads it: "A to Build, reported by Carl Contributor on
 * 2025-01-06 09:00 UTC". "to" rather than an arrow, which readers say as "right arrow" or skip; the
 * reporter and the time (as the history row shows them) tell apart two reports of one item to the
 * same status.
 */
export const reviewedTransitionWords = (key: string, to: Status, byName: string, reportedOn: string): string =>
  `${key} to ${statusLabel(to)}, reported by ${byName} on ${reportedOn}`;
/** An evidence kind this version does not know (an older bundle) still shows, as its identifier. */
export const evidenceKindLabel = (k: string): string => EVIDENCE_KIND_LABELS[k as EvidenceKind] ?? k;
/** A metric this version does not know (an older bundle) still shows, as its identifier. */
export const metricLabel = (m: string): string => METRIC_LABELS[m as SignalMetric] ?? m;
/** What a breached threshold asks, in words (the API keeps its sign): ">= 70" → "at least 70", "<= 0" → "at most 0", "= 1" → "yes". */
export const thresholdWords = (metric: string, threshold: string): string => {
  if (metric === "crash_owner_registered") return threshold === "= 1" ? "yes" : threshold;
  const m = /^(>=|<=|=)\s*(.+)$/.exec(threshold);
  if (!m) return threshold;
  return `${m[1] === ">=" ? "at least" : m[1] === "<=" ? "at most" : "exactly"} ${m[2]}${metric === "test_coverage_pct" ? " %" : ""}`;
};
/** A signal's value as people read it: whether a crash owner is registered is yes or no, not 1 or 0. */
export const signalValueWords = (metric: string, value: number): string =>
  metric === "crash_owner_registered" ? (value === 1 ? "yes" : value === 0 ? "no" : String(value)) : String(value);
/** An exact number of weeks (an estimate, a path's length) with its noun: "1 week", "2.5 weeks". */
export const weeksOf = (weeks: number): string => `${weeks} ${weeks === 1 ? "week" : "weeks"}`;
/** A JUnit report's totals in words: "128 tests, 3 failures, 0 errors, 2 skipped, 41.2 s". */
export const junitWords = (j: { tests: number; failures: number; errors: number; skipped: number; timeSeconds: number }): string =>
  `${plural(j.tests, "test")}, ${plural(j.failures, "failure")}, ${plural(j.errors, "error")}, ${j.skipped} skipped, ${j.timeSeconds} s`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
/** A verdict in words: the identifier with spaces ("partly_supported" → "partly supported"). */
export const verdictLabel = (v: Verdict): string => v.replace(/_/g, " ");

const isStatus = (v: string): v is Status => (STATUSES as readonly string[]).includes(v);
/** A report difference's value in words: a status by its label, anything else as it was stored. */
export const differenceValue = (v: string): string => (isStatus(v) ? statusLabel(v) : v);
