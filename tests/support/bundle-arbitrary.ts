/**
 * Program bundles for tests (DESIGN §2–§4, §10).
 *
 * - `validBundleArb`: a fast-check arbitrary of VALID bundles of realistic shape: people, items
 *   with a dependency DAG, transitions that pass the evidence gates (cumulative, in effective
 *   order) and the four-eyes rule, time stamps in order, signals in range, claims, events,
 *   comments on items and claims (some mentioning people, some edited, some deleted). Date
 *   fields mix `YYYY-MM-DD`, `…Z` and `…±hh:mm` forms; e-mails mix upper and lower case.
 * - `tinyValidBundle()`: one fixed small valid bundle, a fresh copy on every call, for
 *   mutation-based negative tests.
 */
import fc from "fast-check";
import type { BundleInput } from "@/lib/bundle/bundle-schema";
import { missingEvidence, type EvidenceKind, type EvidenceLike } from "@/lib/gates";
import { STATUSES, type Status } from "@/lib/status";

export type Bundle = BundleInput;
type Person = NonNullable<BundleInput["people"]>[number];
type Item = NonNullable<BundleInput["items"]>[number];
type Transition = NonNullable<BundleInput["transitions"]>[number];
type Evidence = NonNullable<Transition["evidence"]>[number];
type Signal = NonNullable<BundleInput["signals"]>[number];
type Claim = NonNullable<BundleInput["claims"]>[number];
type Event = NonNullable<BundleInput["events"]>[number];
type Comment = NonNullable<BundleInput["comments"]>[number];

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** 2023-09-01: the programs below start in late 2023 like the demo. */
const BASE_MS = Date.UTC(2023, 8, 1);

const FIRST_NAMES = ["Ana", "Bo", "Chidi", "Dana", "Émile", "Fatima", "Günther", "Hana", "Ivan", "Jun"];
const LAST_NAMES = ["Pereira", "Chen", "Okafor", "Levi", "Roux", "Zahra", "Maier", "Sato", "Petrov", "O'Neil"];
const TEAMS = ["Node Services", "Storage Core", "Net Offload", "Host Interface", "Security", "Fleet Ops"];
const AREAS = ["Foundations", "VM lifecycle", "Storage", "Networking", "Host interface", "Security & supply chain", "Fleet rollout", "Bare metal"];
const KEY_PREFIXES = ["FND", "VML", "STO", "NET", "HOST", "SEC", "FLT", "BM"];
const TITLES = [
  "Key-value store",
  "Distributed tracing",
  "Structured logging",
  "Metrics pipeline",
  "Crash reporting",
  "VM create/delete on the card",
  "Live migration agent",
  "Disk attach offload",
  "NVMe data path",
  "SDN rules engine",
  "MANA driver integration",
  "Host agent rewrite in Rust",
  "Secure boot chain",
  "Third-party crate vetting",
  "Fleet rollout tooling",
  "Bare-metal provisioning",
];
const WORDS = ["design", "review", "prototype", "rollback", "regression", "fleet", "canary", "crate", "coverage", "agent"];
const ROLES = ["viewer", "contributor", "reviewer", "admin"] as const;
const OFFSETS_MIN = [-480, -300, 0, 60, 120, 330, 540];
const SLUG_WORDS = ["boost", "offload", "node", "agent", "fleet", "core", "vm", "net"];

type G = fc.GeneratorValue;

// ---------- small generators on top of fc.gen ----------

const int = (g: G, min: number, max: number) => g(fc.integer, { min, max });
const bool = (g: G, trueOneIn = 2) => int(g, 1, trueOneIn) === 1;
function pick<T>(g: G, list: readonly T[]): T {
  return list[int(g, 0, list.length - 1)]!;
}

/** Sometimes a realistic phrase, sometimes arbitrary non-blank text (with surrounding blanks, which zod trims). */
function text(g: G, pool: readonly string[], max = 60): string {
  switch (int(g, 0, 9)) {
    case 0:
      return g(() => fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 30) }).filter((s) => s.trim().length > 0));
    case 1:
      return `  ${pick(g, pool)} `;
    default:
      return pick(g, pool);
  }
}

function url(g: G, what: string): string {
  const scheme = bool(g, 6) ? "http" : "https";
  const host = pick(g, ["docs.example.com", "git.example.org", "ci.example.net", "dash.example.com"]);
  const query = bool(g, 4) ? `?rev=${int(g, 1, 9999)}` : "";
  return `${scheme}://${host}/${what}/${int(g, 1, 500)}${query}`;
}

/** `YYYY-MM-DDTHH:MM:SS[.sss]±hh:mm` for the same instant `ms`. */
function withOffset(ms: number, offsetMin: number, keepMs: boolean): string {
  const local = new Date(ms + offsetMin * 60_000).toISOString(); // …THH:MM:SS.sssZ
  const body = keepMs ? local.slice(0, 23) : local.slice(0, 19);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  return `${body}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** One textual form of the instant `ms`: a bare date only when it is a UTC midnight. */
function instantText(g: G, ms: number): string {
  const hasMs = ms % 1000 !== 0;
  const choice = int(g, 0, 3);
  if (ms % DAY_MS === 0 && choice <= 1) return new Date(ms).toISOString().slice(0, 10);
  if (choice === 2) return withOffset(ms, pick(g, OFFSETS_MIN), hasMs || bool(g, 4));
  const iso = new Date(ms).toISOString();
  return hasMs ? iso : iso.replace(".000Z", "Z");
}

/** A time of day to add to a day: often midnight (so that bare dates appear), else minutes, seconds or ms. */
function timeOfDay(g: G): number {
  switch (int(g, 0, 4)) {
    case 0:
    case 1:
      return 0;
    case 2:
      return int(g, 0, 23) * HOUR_MS;
    case 3:
      return int(g, 0, 24 * 60 - 1) * 60_000 + int(g, 0, 59) * 1000;
    default:
      return int(g, 0, DAY_MS - 1);
  }
}

const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const sameEmail = (a: string | null | undefined, b: string | null | undefined) =>
  a != null && b != null && a.toLowerCase() === b.toLowerCase();

/** The same e-mail as written in `people`, or in another case (the importer lower-cases). */
function refer(g: G, email: string): string {
  switch (int(g, 0, 5)) {
    case 0:
      return email.toUpperCase();
    case 1:
      return email.toLowerCase();
    default:
      return email;
  }
}

// ---------- parts of a bundle ----------

export interface BundleShape {
  /** Lower bounds on the number of people (at most 6) and items (at most 10). */
  minPeople?: number;
  minItems?: number;
}

function makePeople(g: G, min: number): Person[] {
  const n = int(g, Math.min(min, 6), 6);
  return Array.from({ length: n }, (_, i) => {
    const first = pick(g, FIRST_NAMES);
    const last = pick(g, LAST_NAMES);
    const local = `${first.normalize("NFD").replace(/[^A-Za-z]/g, "")}.${last.replace(/[^A-Za-z]/g, "")}${i}`;
    const email = `${bool(g, 3) ? local : local.toLowerCase()}@${pick(g, ["example.com", "corp.example.org"])}`;
    const person: Person = { email, name: bool(g, 8) ? text(g, FIRST_NAMES) : `${first} ${last}` };
    if (!bool(g, 4)) person.team = pick(g, TEAMS);
    if (bool(g, 4)) person.role = pick(g, ROLES);
    return person;
  });
}

function makeItems(g: G, people: Person[], min: number): Item[] {
  const n = int(g, Math.min(min, 10), 10);
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const key = `${pick(g, KEY_PREFIXES)}-${String(i + 1).padStart(2, "0")}`;
    const earlier = items.map((it) => it.key);
    const dependsOn = earlier.length > 0 ? g(fc.shuffledSubarray, earlier, { maxLength: Math.min(3, earlier.length) }) : [];
    const identifiedMs = BASE_MS + int(g, 0, 120) * DAY_MS + timeOfDay(g);
    const item: Item = {
      key,
      title: text(g, TITLES),
      area: pick(g, AREAS),
      estimateWeeks: bool(g, 4) ? int(g, 1, 40) / 2 : int(g, 1, 26),
      identifiedAt: instantText(g, identifiedMs),
    };
    if (dependsOn.length > 0 || bool(g)) item.dependsOn = dependsOn;
    if (bool(g, 3)) item.description = text(g, WORDS, 200);
    // Owner: a person, explicitly none, or absent (also none): unowned items are a shown risk.
    const ownerChoice = people.length > 0 ? int(g, 0, 5) : 5;
    if (ownerChoice <= 3) item.owner = refer(g, pick(g, people).email);
    else if (ownerChoice === 4) item.owner = null;
    if (bool(g)) item.team = pick(g, TEAMS);
    const target = int(g, 0, 2);
    if (target === 0) item.targetDate = dayText(identifiedMs + int(g, 30, 600) * DAY_MS);
    else if (target === 1) item.targetDate = null;
    items.push(item);
  }
  return items;
}

function evidenceFor(g: G, kind: EvidenceKind, fleetPercent?: number): Evidence {
  const e: Evidence = { kind, url: url(g, kind.replace("_", "-")) };
  if (bool(g, 4)) e.summary = `${text(g, WORDS)} ${kind}`;
  if (kind === "deployment") e.fleetPercent = fleetPercent ?? int(g, 0, 100);
  else if (bool(g, 15)) e.fleetPercent = int(g, 0, 100); // allowed on any kind; kept by export
  return e;
}

/** Evidence for one gate, the way a reviewer would want it. */
function gateEvidence(g: G, gateStatus: Status): Evidence {
  switch (gateStatus) {
    case "build":
      return evidenceFor(g, "design_doc");
    case "validate":
      return evidenceFor(g, "code_change");
    case "rollout":
      return evidenceFor(g, "test_report");
    default:
      return evidenceFor(g, "deployment", 100);
  }
}

/** The history of one item: a random walk on the ladder that respects every rule. */
function makeHistory(g: G, item: Item, people: Person[], identifiedMs: number): Transition[] {
  const n = int(g, 0, 4);
  const out: Transition[] = [];
  const pool: EvidenceLike[] = [];
  let level = 0;
  let effectiveMs = identifiedMs + int(g, 0, 60) * DAY_MS;
  let prevEffective = -Infinity;
  let prevRecorded = -Infinity;
  for (let k = 0; k < n; k++) {
    if (k > 0) effectiveMs += bool(g, 6) ? 0 : int(g, 1, 90) * DAY_MS; // sometimes the same effectiveAt
    effectiveMs = Math.floor(effectiveMs / DAY_MS) * DAY_MS + timeOfDay(g);
    if (effectiveMs < prevEffective) effectiveMs = prevEffective;
    let recordedMs = effectiveMs + (bool(g) ? 0 : int(g, 0, 14) * DAY_MS + int(g, 0, 23) * HOUR_MS);
    // Transitions of an item are ordered by (effectiveAt, recordedAt, position in the bundle);
    // keep that key strictly increasing so that shuffling the bundle does not change the order.
    if (effectiveMs === prevEffective && recordedMs <= prevRecorded) recordedMs = prevRecorded + HOUR_MS;

    // Up moves more often than down moves, like real programs.
    const target = bool(g, 3) ? int(g, 0, 5) : Math.min(5, level + int(g, 0, 2));
    const to = STATUSES[target]!;
    const by = pick(g, people);
    const t: Transition = { item: item.key, to, effectiveAt: instantText(g, effectiveMs), by: refer(g, by.email) };
    if (recordedMs !== effectiveMs || bool(g)) t.recordedAt = instantText(g, recordedMs);

    const evidence: Evidence[] = [];
    if (target < level) {
      t.note = `${pick(g, ["rollback", "regression found", "reverted after incident", "re-opened"])} ${text(g, WORDS)}`;
      if (bool(g, 5)) evidence.push(evidenceFor(g, "other"));
    } else {
      for (const gate of missingEvidence(to, pool)) evidence.push(gateEvidence(g, gate.status));
      // Extra evidence: early design docs, partial deployments, "other" links.
      const extras = int(g, 0, 2);
      for (let x = 0; x < extras; x++)
        evidence.push(evidenceFor(g, pick(g, ["other", "design_doc", "code_change", "test_report", "deployment"] as const)));
      if (bool(g, 3)) t.note = text(g, WORDS);
    }
    const shuffled = evidence.length > 1 ? g(fc.shuffledSubarray, evidence, { minLength: evidence.length }) : evidence;
    if (shuffled.length > 0 || bool(g)) t.evidence = shuffled;
    pool.push(...shuffled.map((e) => ({ kind: e.kind as EvidenceKind, fleetPercent: e.fleetPercent ?? null })));

    // Four eyes: the verifier is neither the reporter nor the item's owner.
    const verifiers = people.filter((p) => !sameEmail(p.email, by.email) && !sameEmail(p.email, item.owner));
    if (verifiers.length > 0 && !bool(g, 3)) {
      t.verifiedBy = refer(g, pick(g, verifiers).email);
      const verifiedMs = recordedMs + (bool(g) ? 0 : int(g, 0, 20) * DAY_MS + timeOfDay(g));
      if (verifiedMs !== recordedMs || bool(g)) t.verifiedAt = instantText(g, verifiedMs);
      if (bool(g, 3)) t.verificationNote = `checked ${text(g, WORDS)}`;
    } else if (bool(g, 6)) t.verifiedBy = null;

    out.push(t);
    level = target;
    prevEffective = effectiveMs;
    prevRecorded = recordedMs;
  }
  return out;
}

function signalFor(g: G, item: string): Signal {
  const metric = pick(g, ["test_coverage_pct", "third_party_crates", "unvetted_crates", "crash_owner_registered", "open_crash_buckets"] as const);
  const value =
    metric === "test_coverage_pct"
      ? bool(g) ? int(g, 0, 100) : int(g, 0, 1000) / 10
      : metric === "crash_owner_registered"
        ? int(g, 0, 1)
        : int(g, 0, 1200);
  const measuredAt = instantText(g, BASE_MS + int(g, 0, 700) * DAY_MS + timeOfDay(g));
  return { item, metric, value, measuredAt };
}

function makeClaims(g: G, keys: string[]): Claim[] {
  const n = int(g, 0, 4);
  return Array.from({ length: n }, (_, i) => {
    const linked = keys.length > 0 ? g(fc.shuffledSubarray, keys, { maxLength: Math.min(4, keys.length) }) : [];
    const claim: Claim = {
      id: `${pick(g, ["ignite", "build", "blog", "keynote", "interview"])}-${2023 + int(g, 0, 2)}-${i}`,
      date: dayText(BASE_MS + int(g, 0, 700) * DAY_MS),
      speaker: pick(g, ["Azure CTO", "Azure blog", "Microsoft Learn", "Product lead"]),
      quote: bool(g, 5) ? text(g, WORDS, 200) : "key components already run on the card",
      url: url(g, "claims"),
    };
    if (linked.length > 0 || bool(g)) claim.links = linked.map((item) => ({ item, requires: pick(g, STATUSES) }));
    if (bool(g)) claim.venue = pick(g, ["Ignite 2023", "Build 2025", "Rust Nation UK", "Azure blog"]);
    if (bool(g, 3)) claim.datePrecision = pick(g, ["day", "month", "year"] as const);
    if (bool(g, 4)) claim.dateNote = "day approximate";
    if (bool(g)) claim.quoteIsParaphrase = bool(g);
    if (bool(g, 3)) claim.kind = pick(g, ["statement", "announcement", "interview"]);
    return claim;
  });
}

function makeEvents(g: G): Event[] {
  return Array.from({ length: int(g, 0, 3) }, () => {
    const e: Event = { date: dayText(BASE_MS + int(g, 0, 900) * DAY_MS), title: `${pick(g, ["Compute deal", "Expansion", "Reorg"])} ${text(g, WORDS)}` };
    const u = int(g, 0, 2);
    if (u === 0) e.url = url(g, "news");
    else if (u === 1) e.url = null;
    return e;
  });
}

/** Comments by the bundle's people on its items and claims: some @mention someone, some were edited, some deleted (no text). */
function makeComments(g: G, people: Person[], keys: string[], claimIds: string[]): Comment[] {
  if (people.length === 0 || keys.length + claimIds.length === 0) return [];
  return Array.from({ length: int(g, 0, 4) }, () => {
    const onClaim = claimIds.length > 0 && (keys.length === 0 || bool(g, 3));
    const createdMs = BASE_MS + int(g, 0, 600) * DAY_MS + timeOfDay(g);
    const mention = bool(g, 3) ? `@${pick(g, people).email.split("@")[0]} ` : "";
    const c: Comment = {
      ...(onClaim ? { claim: pick(g, claimIds) } : { item: pick(g, keys) }),
      by: refer(g, pick(g, people).email),
      createdAt: instantText(g, createdMs),
      body: `${mention}${text(g, WORDS, 200)}`,
    };
    const editedMs = bool(g, 3) ? createdMs + int(g, 0, 48) * HOUR_MS : null;
    if (editedMs !== null) c.editedAt = instantText(g, editedMs);
    if (bool(g, 4)) {
      delete c.body;
      c.deletedAt = instantText(g, (editedMs ?? createdMs) + int(g, 0, 72) * HOUR_MS);
    }
    return c;
  });
}

function makeBundle(g: G, shape: BundleShape): Bundle {
  const people = makePeople(g, shape.minPeople ?? 0);
  const items = makeItems(g, people, shape.minItems ?? 0);
  const keys = items.map((i) => i.key);

  const histories =
    people.length > 0
      ? items.flatMap((item) => {
          const identifiedMs = Date.parse(item.identifiedAt.length === 10 ? `${item.identifiedAt}T00:00:00Z` : item.identifiedAt);
          return makeHistory(g, item, people, identifiedMs);
        })
      : [];
  // Bundle order need not be effective order: interleave the items' histories.
  const transitions = histories.length > 1 ? g(fc.shuffledSubarray, histories, { minLength: histories.length }) : histories;
  const signals = keys.length > 0 ? Array.from({ length: int(g, 0, 8) }, () => signalFor(g, pick(g, keys))) : [];

  const slug = `${pick(g, SLUG_WORDS)}-${pick(g, SLUG_WORDS)}-${int(g, 0, 99)}`;
  const program: Bundle["program"] = { slug, name: `${text(g, TITLES)} program` };
  if (bool(g)) program.description = text(g, WORDS, 500);
  const target = int(g, 0, 2);
  if (target === 0) program.targetDate = dayText(BASE_MS + int(g, 200, 1000) * DAY_MS);
  else if (target === 1) program.targetDate = null;
  const horizon = int(g, 0, 2);
  if (horizon === 0) program.factsUntil = dayText(BASE_MS + int(g, 0, 1000) * DAY_MS);
  else if (horizon === 1) program.factsUntil = null;
  const thresholds = int(g, 0, 2);
  if (thresholds === 0)
    program.thresholds = { testCoveragePct: int(g, 0, 100), unvettedCrates: int(g, 0, 50), crashOwnerRegistered: bool(g) };
  else if (thresholds === 1) program.thresholds = { testCoveragePct: int(g, 40, 90) };

  const bundle: Bundle = { format: "offload-tracker/v1", program, people, items, transitions, signals };
  const claims = makeClaims(g, keys);
  if (claims.length > 0 || bool(g)) bundle.claims = claims;
  const events = makeEvents(g);
  if (events.length > 0 || bool(g)) bundle.events = events;
  const comments = makeComments(g, people, keys, claims.map((c) => c.id));
  if (comments.length > 0 || bool(g)) bundle.comments = comments;
  return bundle;
}

/**
 * Valid bundles of a given minimum size. (Built on `fc.gen()`; do not `.filter()` these
 * arbitraries: in fast-check 4.11 filtering a mapped `fc.gen()` never yields. Ask for a shape instead.)
 */
export const bundleArb = (shape: BundleShape = {}): fc.Arbitrary<Bundle> => fc.gen().map((g) => makeBundle(g, shape));

/** Valid bundles (format "offload-tracker/v1") of realistic shape. */
export const validBundleArb: fc.Arbitrary<Bundle> = bundleArb();

/**
 * A fixed small valid bundle (a fresh copy on every call). Log entries when imported into an empty
 * database: 3 people + 1 program + 1 members + 4 items + 4 dependencies + 5 transitions
 * + 4 verifications + 3 signals + 2 claims + 1 event = 28.
 *
 *   index  item    to        by   verifiedBy   owner
 *   0      FND-01  design    ann  bob          ann
 *   1      FND-01  build     ann  bob          ann   (design_doc)
 *   2      FND-01  validate  bob  cat          ann   (code_change)
 *   3      NET-01  design    cat  —            —
 *   4      NET-02  design    bob  ann          cat
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
export interface TinyBundle {
  format: string;
  program: Loose;
  people: Loose[];
  items: Loose[];
  transitions: Loose[];
  signals: Loose[];
  claims: Loose[];
  events: Loose[];
}

export function tinyValidBundle(): TinyBundle {
  return {
    format: "offload-tracker/v1",
    program: {
      slug: "tiny",
      name: "Tiny program",
      description: "A small program for tests",
      targetDate: "2025-06-30",
      thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true },
    },
    people: [
      { email: "ann@example.com", name: "Ana Pereira", team: "Node Services" },
      { email: "bob@example.com", name: "Bo Chen", team: "Net Offload" },
      { email: "cat@example.com", name: "Chidi Okafor", team: "Security" },
    ],
    items: [
      {
        key: "FND-01",
        title: "Key-value store",
        area: "Foundations",
        owner: "ann@example.com",
        team: "Node Services",
        estimateWeeks: 8,
        identifiedAt: "2023-11-20",
        targetDate: "2024-06-30",
        dependsOn: [],
      },
      {
        key: "FND-02",
        title: "Distributed tracing",
        area: "Foundations",
        owner: "bob@example.com",
        team: "Node Services",
        estimateWeeks: 5,
        identifiedAt: "2023-11-20T09:30:00Z",
        dependsOn: ["FND-01"],
      },
      {
        key: "NET-01",
        title: "SDN rules engine",
        area: "Networking",
        owner: null,
        team: "Net Offload",
        estimateWeeks: 13,
        identifiedAt: "2023-12-01",
        dependsOn: ["FND-01"],
      },
      {
        key: "NET-02",
        title: "MANA driver integration",
        area: "Networking",
        owner: "cat@example.com",
        team: "Net Offload",
        estimateWeeks: 3.5,
        identifiedAt: "2023-12-01",
        dependsOn: ["NET-01", "FND-02"],
      },
    ],
    transitions: [
      {
        item: "FND-01",
        to: "design",
        effectiveAt: "2024-01-10",
        by: "ann@example.com",
        verifiedBy: "bob@example.com",
      },
      {
        item: "FND-01",
        to: "build",
        effectiveAt: "2024-02-01",
        recordedAt: "2024-02-02T09:00:00Z",
        by: "ann@example.com",
        evidence: [{ kind: "design_doc", url: "https://docs.example.com/kv-store/design", summary: "KV store design" }],
        note: "design reviewed",
        verifiedBy: "bob@example.com",
        verifiedAt: "2024-02-05T10:00:00Z",
      },
      {
        item: "FND-01",
        to: "validate",
        effectiveAt: "2024-04-15",
        by: "bob@example.com",
        evidence: [{ kind: "code_change", url: "https://git.example.org/kv/pull/42", summary: "first cut" }],
        verifiedBy: "cat@example.com",
      },
      { item: "NET-01", to: "design", effectiveAt: "2024-03-01", by: "cat@example.com" },
      {
        item: "NET-02",
        to: "design",
        effectiveAt: "2024-05-01T08:00:00+02:00",
        by: "bob@example.com",
        verifiedBy: "ann@example.com",
        verifiedAt: "2024-05-02",
      },
    ],
    signals: [
      { item: "FND-01", metric: "test_coverage_pct", value: 35, measuredAt: "2024-10-01" },
      { item: "FND-01", metric: "unvetted_crates", value: 412, measuredAt: "2024-10-01" },
      { item: "NET-02", metric: "crash_owner_registered", value: 0, measuredAt: "2024-10-01T12:00:00Z" },
    ],
    claims: [
      {
        id: "ignite-2023",
        date: "2023-11-15",
        speaker: "Azure Boost GA announcement",
        venue: "Ignite 2023",
        quote: "Azure Boost generally available",
        quoteIsParaphrase: true,
        url: "https://techcommunity.microsoft.com/boost-ga",
        links: [
          { item: "FND-01", requires: "rollout" },
          { item: "NET-01", requires: "validate" },
        ],
      },
      {
        id: "build-2025",
        date: "2025-05-20",
        speaker: "Azure CTO",
        venue: "Build 2025",
        quote: "control-plane agents run on the card",
        url: "https://build.microsoft.com/brk195",
        links: [{ item: "NET-02", requires: "rollout" }],
      },
    ],
    events: [{ date: "2025-03-10", title: "OpenAI signs a compute deal with CoreWeave", url: "https://news.example.com/deal" }],
  };
}

/** Number of audit-log entries importing `tinyValidBundle()` into an empty database appends. */
export const TINY_LOG_ENTRIES = 28;
