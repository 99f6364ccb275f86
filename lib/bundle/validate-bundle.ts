import { formatPath, type FieldError } from "../errors";
import { checkItemHistory, type GateTransition } from "../check-item-history";
import { fourEyesViolation } from "../four-eyes";
import { claimProblems } from "../claims/check-claim";
import { findCycle, formatCycle } from "../graph";
import { toInstant } from "../time";
import { pathsWithRefusedText } from "../validations/refused-text";
import { bundleSchema, type ParsedBundle, type SignalMetric } from "./bundle-schema";
import { checkArtefacts } from "./check-artefacts";
import { checkComments } from "./check-comments";
import type { NormalizedBundle } from "./normalized-bundle";

/** `shape`: not a well-formed bundle (400); `rule`: well-formed but breaks a rule of the tracker (422). */
export type BundleValidation =
  | { ok: true; bundle: NormalizedBundle }
  | { ok: false; kind: "shape" | "rule"; errors: FieldError[] };

/**
 * Checks a bundle against every rule of DESIGN §2–§3 and §10 — shape, references, duplicate keys,
 * cycles, evidence gates, four eyes, time order — without touching a database.
 */
export function validateBundle(raw: unknown, now: number = Date.now()): BundleValidation {
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      kind: "shape",
      errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path) || "(bundle)", message: i.message })),
    };
  }
  // The same characters as in every other input: a bundle is how a whole program's text arrives.
  const refused = pathsWithRefusedText(parsed.data);
  if (refused.length > 0) return { ok: false, kind: "shape", errors: refused.map((r) => ({ path: formatPath(r.path) || "(bundle)", message: r.message })) };
  const bundle = normalize(parsed.data);
  const errors = [
    ...checkOrphanVerifications(parsed.data),
    ...checkRejectionFields(parsed.data),
    ...checkFuture(bundle, now),
    ...checkPeople(bundle),
    ...checkItems(bundle),
    ...checkTransitions(bundle),
    ...checkSignals(bundle),
    ...checkClaims(bundle, now),
    ...checkComments(parsed.data, bundle),
    ...checkArtefacts(bundle),
  ];
  return errors.length > 0 ? { ok: false, kind: "rule", errors } : { ok: true, bundle };
}

function normalize(b: ParsedBundle): NormalizedBundle {
  return {
    program: {
      slug: b.program.slug,
      name: b.program.name,
      description: b.program.description,
      targetDate: b.program.targetDate ? toInstant(b.program.targetDate) : null,
      factsUntil: b.program.factsUntil ? toInstant(b.program.factsUntil) : null,
      thresholds: b.program.thresholds,
    },
    people: b.people.map((p) => ({ email: p.email, name: p.name, team: p.team, role: p.role ?? null })),
    items: b.items.map((i) => ({
      key: i.key,
      title: i.title,
      description: i.description,
      area: i.area,
      owner: i.owner ?? null,
      team: i.team,
      estimateWeeks: i.estimateWeeks,
      identifiedAt: toInstant(i.identifiedAt),
      targetDate: i.targetDate ? toInstant(i.targetDate) : null,
      dependsOn: i.dependsOn,
      components: i.components,
    })),
    transitions: b.transitions.map((t) => {
      const effectiveAt = toInstant(t.effectiveAt);
      const recordedAt = t.recordedAt ? toInstant(t.recordedAt) : effectiveAt;
      const verifiedBy = t.verifiedBy ?? null;
      const rejectedBy = t.rejectedBy ?? null;
      return {
        item: t.item,
        to: t.to,
        effectiveAt,
        recordedAt,
        by: t.by,
        evidence: t.evidence.map((e) => ({
          kind: e.kind,
          url: e.url,
          summary: e.summary,
          fleetPercent: e.fleetPercent ?? null,
          artefact: e.artefact ?? null,
        })),
        note: t.note,
        verifiedBy,
        verifiedAt: verifiedBy ? (t.verifiedAt ? toInstant(t.verifiedAt) : recordedAt) : null,
        verificationNote: verifiedBy ? t.verificationNote : "",
        rejectedBy,
        rejectedAt: rejectedBy ? (t.rejectedAt ? toInstant(t.rejectedAt) : recordedAt) : null,
        rejectionReason: rejectedBy ? (t.rejectionReason ?? "") : null,
      };
    }),
    signals: b.signals.map((s) => ({ ...s, measuredAt: toInstant(s.measuredAt) })),
    claims: b.claims.map((c) => ({ ...c, date: toInstant(c.date) })),
    events: b.events.map((e) => ({ date: toInstant(e.date), title: e.title, url: e.url ?? null })),
    comments: b.comments.map((c) => ({
      item: c.item ?? null,
      claim: c.item === undefined ? (c.claim ?? null) : null,
      by: c.by,
      createdAt: toInstant(c.createdAt),
      body: c.body ?? "",
      editedAt: c.editedAt ? toInstant(c.editedAt) : null,
      deletedAt: c.deletedAt ? toInstant(c.deletedAt) : null,
    })),
    artefacts: b.artefacts,
  };
}

/** A verification date or note with nobody who verified is a mistake, not something to drop. */
function checkOrphanVerifications(b: ParsedBundle): FieldError[] {
  const errors: FieldError[] = [];
  b.transitions.forEach((t, i) => {
    if (!t.verifiedBy && (t.verifiedAt || t.verificationNote))
      errors.push({ path: `transitions[${i}].verifiedBy`, message: "verifiedAt or verificationNote is given but verifiedBy is missing" });
  });
  return errors;
}

/**
 * DESIGN §13 in a bundle: a rejection names who rejected and says why; a date or reason without a
 * rejecter is a mistake, not something to drop; and a transition is verified or rejected, never both.
 */
function checkRejectionFields(b: ParsedBundle): FieldError[] {
  const errors: FieldError[] = [];
  b.transitions.forEach((t, i) => {
    const at = (field: string) => `transitions[${i}].${field}`;
    if (!t.rejectedBy) {
      if (t.rejectedAt || t.rejectionReason) errors.push({ path: at("rejectedBy"), message: "rejectedAt or rejectionReason is given but rejectedBy is missing" });
      return;
    }
    if (!t.rejectionReason) errors.push({ path: at("rejectionReason"), message: "a rejection needs a reason: say what is missing or wrong" });
    if (t.verifiedBy)
      errors.push({ path: at("rejectedBy"), message: "a transition is verified or rejected, never both: drop verifiedBy or rejectedBy" });
  });
  return errors;
}

/** Nothing in a history can have happened, been recorded or measured after now. */
function checkFuture(b: NormalizedBundle, now: number): FieldError[] {
  const errors: FieldError[] = [];
  // The path is written only for a date that is late: a bundle has hundreds of thousands.
  const future = <T, F extends keyof T & string>(list: readonly T[], name: string, fields: readonly F[]) =>
    list.forEach((entry, i) => {
      for (const field of fields) {
        const ms = entry[field] as number | null;
        if (ms !== null && ms > now) errors.push({ path: `${name}[${i}].${field}`, message: "must not be in the future" });
      }
    });
  future(b.items, "items", ["identifiedAt"]);
  future(b.transitions, "transitions", ["effectiveAt", "recordedAt", "verifiedAt", "rejectedAt"]);
  future(b.signals, "signals", ["measuredAt"]);
  future(b.comments, "comments", ["createdAt", "editedAt", "deletedAt"]);
  return errors;
}

function duplicates<T>(list: readonly T[], keyOf: (t: T) => string, path: (i: number) => string, what: string) {
  const seen = new Map<string, number>();
  const errors: FieldError[] = [];
  list.forEach((entry, i) => {
    const key = keyOf(entry);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else errors.push({ path: path(i), message: `duplicate ${what} "${key}" (first at index ${first})` });
  });
  return errors;
}

function checkPeople(b: NormalizedBundle): FieldError[] {
  return duplicates(b.people, (p) => p.email, (i) => `people[${i}].email`, "person");
}

function checkItems(b: NormalizedBundle): FieldError[] {
  const people = new Set(b.people.map((p) => p.email));
  const keys = new Set(b.items.map((i) => i.key));
  const errors = duplicates(b.items, (i) => i.key, (i) => `items[${i}].key`, "item key");
  b.items.forEach((item, i) => {
    if (item.owner && !people.has(item.owner))
      errors.push({ path: `items[${i}].owner`, message: `unknown person "${item.owner}" (not in people)` });
    const seenDeps = new Set<string>();
    item.dependsOn.forEach((dep, d) => {
      const message = !keys.has(dep)
        ? `unknown item key "${dep}"`
        : dep === item.key
          ? `an item cannot depend on itself (${dep} -> ${dep})`
          : seenDeps.has(dep)
            ? `duplicate dependency "${dep}"`
            : null;
      if (message) errors.push({ path: `items[${i}].dependsOn[${d}]`, message });
      seenDeps.add(dep);
    });
  });
  if (errors.length > 0) return errors;
  const cycle = findCycle(new Map(b.items.map((i) => [i.key, i.dependsOn])));
  if (cycle) {
    const index = b.items.findIndex((i) => i.key === cycle[0]);
    errors.push({ path: `items[${index}].dependsOn`, message: `dependency cycle: ${formatCycle(cycle)}` });
  }
  return errors;
}

function checkTransitions(b: NormalizedBundle): FieldError[] {
  const people = new Set(b.people.map((p) => p.email));
  const owners = new Map(b.items.map((i) => [i.key, i.owner]));
  const errors: FieldError[] = [];
  b.transitions.forEach((t, i) => {
    const at = (field: string) => `transitions[${i}].${field}`;
    if (!owners.has(t.item)) errors.push({ path: at("item"), message: `unknown item key "${t.item}"` });
    if (!people.has(t.by)) errors.push({ path: at("by"), message: `unknown person "${t.by}" (not in people)` });
    if (t.recordedAt < t.effectiveAt)
      errors.push({ path: at("recordedAt"), message: "a transition cannot be recorded before its effectiveAt" });
    if (t.rejectedBy !== null) errors.push(...checkRejection(t, owners.get(t.item) ?? null, people, at));
    if (t.verifiedBy === null) return;
    if (!people.has(t.verifiedBy))
      errors.push({ path: at("verifiedBy"), message: `unknown person "${t.verifiedBy}" (not in people)` });
    // A bundle holds each item's owner, not its history: that owner counts as owner throughout.
    const fourEyes = fourEyesViolation({
      item: t.item,
      verifier: t.verifiedBy,
      actor: t.by,
      recordedAt: t.recordedAt,
      verifiedAt: t.verifiedAt ?? t.recordedAt,
      owners: { initial: owners.get(t.item) ?? null, changes: [] },
    });
    if (fourEyes) errors.push({ path: at("verifiedBy"), message: fourEyes });
    if (t.verifiedAt !== null && t.verifiedAt < t.recordedAt)
      errors.push({ path: at("verifiedAt"), message: "a verification cannot precede the transition's recordedAt" });
  });
  return [...errors, ...checkGates(b)];
}

type BundleTransition = NormalizedBundle["transitions"][number];

/** Who may reject is who may verify: the same four-eyes function, against the item's current owner. */
function checkRejection(t: BundleTransition, owner: string | null, people: ReadonlySet<string>, at: (field: string) => string): FieldError[] {
  const rejectedBy = t.rejectedBy!;
  const rejectedAt = t.rejectedAt ?? t.recordedAt;
  const errors: FieldError[] = [];
  if (!people.has(rejectedBy)) errors.push({ path: at("rejectedBy"), message: `unknown person "${rejectedBy}" (not in people)` });
  const fourEyes = fourEyesViolation({
    item: t.item,
    verifier: rejectedBy,
    decision: "reject",
    actor: t.by,
    recordedAt: t.recordedAt,
    verifiedAt: rejectedAt,
    owners: { initial: owner, changes: [] },
  });
  if (fourEyes) errors.push({ path: at("rejectedBy"), message: fourEyes });
  if (rejectedAt < t.recordedAt) errors.push({ path: at("rejectedAt"), message: "a rejection cannot precede the transition's recordedAt" });
  return errors;
}

function checkGates(b: NormalizedBundle): FieldError[] {
  const byItem = new Map<string, number[]>();
  b.transitions.forEach((t, i) => {
    const indices = byItem.get(t.item);
    if (indices) indices.push(i);
    else byItem.set(t.item, [i]);
  });
  const errors: FieldError[] = [];
  for (const indices of byItem.values()) {
    // What the gates read of each transition, not a copy of all of it: 200,000 copies at once.
    const entries = indices.map((i): GateTransition => {
      const t = b.transitions[i]!;
      return { effectiveAt: t.effectiveAt, recordedAt: t.recordedAt, recordingOrder: i, to: t.to, evidence: t.evidence, note: t.note, rejectionRecordedAt: t.rejectedAt };
    });
    for (const v of checkItemHistory(entries)) {
      const i = indices[v.index]!;
      errors.push({ path: `transitions[${i}].${v.field}`, message: `${b.transitions[i]!.item}: ${v.message}` });
    }
  }
  return errors.sort((x, y) => x.path.localeCompare(y.path, "en", { numeric: true }));
}

const SIGNAL_RANGES: Record<SignalMetric, { min: number; max: number; integer: boolean }> = {
  test_coverage_pct: { min: 0, max: 100, integer: false },
  third_party_crates: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  unvetted_crates: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  crash_owner_registered: { min: 0, max: 1, integer: true },
  open_crash_buckets: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
};

/** Why a signal value is out of range for its metric, or null when it is fine. */
export function signalValueProblem(metric: SignalMetric, value: number): string | null {
  const r = SIGNAL_RANGES[metric];
  if (r.integer && !Number.isInteger(value)) return `${metric} must be a whole number`;
  if (value < r.min || value > r.max)
    return metric === "crash_owner_registered" ? `${metric} must be 0 or 1` : `${metric} must be between ${r.min} and ${r.max}`;
  return null;
}

function checkSignals(b: NormalizedBundle): FieldError[] {
  const keys = new Set(b.items.map((i) => i.key));
  const errors: FieldError[] = [];
  b.signals.forEach((s, i) => {
    if (!keys.has(s.item)) errors.push({ path: `signals[${i}].item`, message: `unknown item key "${s.item}"` });
    const problem = signalValueProblem(s.metric, s.value);
    if (problem) errors.push({ path: `signals[${i}].value`, message: problem });
  });
  return errors;
}

function checkClaims(b: NormalizedBundle, now: number): FieldError[] {
  const keys = new Set(b.items.map((i) => i.key));
  return [
    ...duplicates(b.claims, (c) => c.id, (i) => `claims[${i}].id`, "claim id"),
    ...b.claims.flatMap((c, i) => claimProblems(c, keys, now).map((e) => ({ ...e, path: `claims[${i}].${e.path}` }))),
  ];
}
