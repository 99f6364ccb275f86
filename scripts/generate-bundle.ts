/**
 * Synthetic program generator: a valid `offload-tracker/v1` bundle of any size, with the
 * shape of a real program — layered dependencies, owners and teams (some items unowned), reviewers
 * who own nothing, years of transitions (re-reports at the same level, climbs with evidence,
 * regressions with notes and re-climbs), verifications by a second person (some late, some
 * missing), backfills, signals and public claims.
 *
 *   npm run tracker -- generate --items 1000 --seed 1 [--out file.json] [--now 2026-11-20] [--slug s] [--pretty]
 *
 * Deterministic: the same options give the same bytes (a seeded PRNG of its own, no wall clock;
 * `now` defaults to 2026-11-20 and nothing in the bundle lies after it). At 10,000 items it makes
 * about 200,000 transitions (≈20 per item), and keeps the JSON compact enough (< 64 MiB) for
 * `POST /api/programs/import`.
 *
 * A module, not a script: the CLI's `generate` command (scripts/cli/generate-command.ts), the
 * benchmark and the tests import it.
 */
import type { BundleInput } from "@/lib/bundle/bundle-schema";

export interface GenerateOptions {
  /** Number of work items (≥ 1). */
  items: number;
  /** PRNG seed: the same seed gives the same bundle. */
  seed: number | string;
  /** The generator's "today" in ms UTC; nothing in the bundle is later. Default 2026-11-20. */
  now?: number;
  /** Program slug; default `synthetic-<items>-<seed>`. */
  slug?: string;
}

export const DEFAULT_NOW = Date.UTC(2026, 10, 20);

type Status = "not_started" | "design" | "build" | "validate" | "rollout" | "done";
type EvidenceKind = "design_doc" | "code_change" | "test_report" | "deployment" | "other";
type Bundle = Required<Pick<BundleInput, "format" | "program" | "people" | "items" | "transitions" | "signals" | "claims" | "events">>;
type Transition = Bundle["transitions"][number];
type Evidence = { kind: EvidenceKind; url: string; summary: string; fleetPercent?: number };

const STATUSES: readonly Status[] = ["not_started", "design", "build", "validate", "rollout", "done"];
const DAY = 86_400_000;
const HOUR = 3_600_000;
const START_DAY = Math.floor(Date.UTC(2022, 0, 3) / DAY); // Monday 3 January 2022

// -------------------------------------------------------------------------------------------------
// Seeded PRNG: sfc32, seeded through a string hash (cyrb128), so numeric and text seeds both work.
// -------------------------------------------------------------------------------------------------

export type Rng = () => number;

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

function makeRng(seed: number | string): Rng {
  let [a, b, c, d] = cyrb128(`offload-tracker:${seed}`);
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
/** Poisson draw (Knuth for small means, normal approximation above 30). */
function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}
function gaussian(rng: Rng): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const instantOf = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

// -------------------------------------------------------------------------------------------------
// Vocabulary
// -------------------------------------------------------------------------------------------------

const AREAS: readonly { name: string; prefix: string; team: string; nouns: readonly string[] }[] = [
  { name: "Foundations", prefix: "FND", team: "Node Services", nouns: ["key-value store", "tracing library", "logging pipeline", "metrics exporter", "crash reporter", "config service", "build toolchain"] },
  { name: "VM lifecycle", prefix: "VML", team: "VM Platform", nouns: ["node agent", "VM create path", "live migration", "VM pause/resume", "guest heartbeat", "placement hints"] },
  { name: "Storage", prefix: "STO", team: "Storage", nouns: ["disk attach", "snapshot service", "block cache", "NVMe emulation", "encryption at rest", "replication agent"] },
  { name: "Networking", prefix: "NET", team: "Networking", nouns: ["SDN flow rules", "vNIC driver", "load balancer probe", "packet capture", "flow logging", "NAT gateway"] },
  { name: "Host & hypervisor interface", prefix: "HOST", team: "Host Interface", nouns: ["card-to-host channel", "hypervisor shim", "device passthrough", "firmware updater", "host health probe"] },
  { name: "Security & supply chain", prefix: "SEC", team: "Security", nouns: ["crate vetting", "SBOM pipeline", "attestation", "secrets store", "fuzzing harness", "signing service"] },
  { name: "Fleet rollout", prefix: "FLT", team: "Fleet Ops", nouns: ["rollout controller", "canary analysis", "rollback tooling", "fleet inventory", "release train"] },
  { name: "Bare-metal offering", prefix: "BMO", team: "Bare Metal", nouns: ["bare-metal provisioning", "tenant isolation", "BIOS management", "bare-metal networking"] },
  { name: "Observability", prefix: "OBS", team: "Observability", nouns: ["dashboards", "alert routing", "SLO reports", "log search", "trace sampling"] },
  { name: "Control plane", prefix: "CTL", team: "Control Plane", nouns: ["regional API", "state reconciler", "quota service", "work queue", "leader election"] },
  { name: "Compute isolation", prefix: "ISO", team: "Isolation", nouns: ["memory ballooning", "CPU pinning", "side-channel mitigations", "IOMMU policy"] },
  { name: "Diagnostics", prefix: "DIAG", team: "Diagnostics", nouns: ["core dump upload", "debug shell", "live patching", "postmortem tooling"] },
  { name: "Accelerators", prefix: "ACC", team: "Accelerators", nouns: ["GPU passthrough", "FPGA images", "accelerator telemetry", "driver packaging"] },
  { name: "Identity & access", prefix: "IAM", team: "Identity", nouns: ["node identity", "certificate rotation", "operator access", "audit trail"] },
  { name: "Capacity", prefix: "CAP", team: "Capacity", nouns: ["capacity model", "power capping", "thermal telemetry", "allocation reports"] },
  { name: "Update & servicing", prefix: "UPD", team: "Servicing", nouns: ["A/B image updates", "hot patch delivery", "servicing windows", "rollback images"] },
  { name: "Compliance", prefix: "CMP", team: "Compliance", nouns: ["evidence collection", "control mapping", "data residency", "retention policy"] },
  { name: "Developer experience", prefix: "DEV", team: "Developer Tools", nouns: ["CI farm", "test lab", "emulator", "crate mirror"] },
  { name: "Edge sites", prefix: "EDGE", team: "Edge", nouns: ["edge provisioning", "offline operation", "edge networking"] },
  { name: "Migration tooling", prefix: "MIG", team: "Migration", nouns: ["fleet migration planner", "dual-stack agents", "legacy decommission", "cutover runbooks"] },
];
const MODIFIERS = ["Rust rewrite of the", "Card-side", "Offloaded", "Hardened", "Memory-safe", "Second-generation", "Fleet-wide", "Minimal"];
const FIRST = ["priya", "tomas", "amara", "daniel", "mei", "rafael", "hannah", "kwame", "sofia", "jonas", "aiko", "leila", "sanjay", "marcus", "grace", "owen", "nadia", "elena", "victor", "lucia", "omar", "ingrid", "chen", "fatima", "mateo", "yuki", "aditi", "lars", "zara", "pavel", "noor", "diego", "keiko", "samir", "freya", "tariq", "ana", "bram", "rosa", "ikechukwu"];
const LAST = ["raman", "lindqvist", "okafor", "brooks", "chen", "ortega", "weiss", "mensah", "rossi", "becker", "tanaka", "haddad", "iyer", "hale", "kim", "fischer", "petrova", "marsh", "sandoval", "moreno", "farouk", "nilsen", "wu", "rahman", "silva", "sato", "kapoor", "berg", "ali", "novak", "hassan", "alvarez", "mori", "khan", "larsen", "aziz", "costa", "visser", "romero", "eze"];
const REVIEW_TEAMS = ["Program Office", "Quality Review"];
const REPORT_NOTES = ["", "", "", "Weekly status.", "On track.", "Still in progress.", "Slipping a week.", "Waiting on a dependency.", "Scope clarified."];
const REGRESSION_NOTES = [
  "Rolled back: the release introduced more defects than it fixed.",
  "Regression found in canary; back to the previous stage.",
  "Design reopened after review found a gap.",
  "Test coverage fell below the bar; more work needed.",
  "Dependency slipped; work paused.",
  "Crash rate up after deployment; rolled back.",
];
const VERIFY_NOTES = ["", "", "", "Evidence reviewed.", "Checked the linked change.", "Confirmed in the weekly review."];
const SPEAKERS = ["Chief Technology Officer", "VP Infrastructure", "Corporate blog", "Product keynote", "Investor call", "Engineering blog", "Press release"];
const VENUES = ["Annual developer conference", "Quarterly earnings call", "Company blog", "Industry keynote", "Press briefing", "Customer summit"];

// -------------------------------------------------------------------------------------------------
// The generator
// -------------------------------------------------------------------------------------------------

interface Person {
  email: string;
  name: string;
  team: string;
  role: "contributor" | "reviewer";
}

interface ItemPlan {
  key: string;
  area: number;
  layer: number;
  team: string;
  owner: Person | null;
  identifiedDay: number;
}

/** A valid program bundle of `items` work items, the same for the same seed (and now). */
export function generateBundle(options: GenerateOptions): BundleInput {
  const n = Math.floor(options.items);
  if (!Number.isFinite(n) || n < 1) throw new RangeError("items must be a whole number of at least 1");
  const now = options.now ?? DEFAULT_NOW;
  const nowDay = Math.floor(now / DAY);
  if (nowDay - START_DAY < 400) throw new RangeError("now must be at least 400 days after 2022-01-03");
  const rng = makeRng(options.seed);
  const slug = options.slug ?? `synthetic-${n}-${String(options.seed).toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 63);

  // Areas, teams and people ---------------------------------------------------------------------
  const areaCount = clamp(Math.round(1.2 * Math.log2(n) + 1), 8, 20);
  const areas = AREAS.slice(0, areaCount);
  const peopleCount = Math.max(10, Math.round(n / 20));
  const reviewerCount = Math.max(2, Math.round(peopleCount * 0.06));
  const memberCount = peopleCount - reviewerCount;
  const teamCount = Math.min(areaCount, memberCount);
  const teams = areas.slice(0, teamCount).map((a) => a.team);
  const usedEmails = new Set<string>();
  const makePerson = (team: string, role: Person["role"]): Person => {
    const first = pick(rng, FIRST);
    const last = pick(rng, LAST);
    let email = `${first}.${last}@example.com`;
    for (let k = 2; usedEmails.has(email); k++) email = `${first}.${last}${k}@example.com`;
    usedEmails.add(email);
    const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
    return { email, name: `${cap(first)} ${cap(last)}`, team, role };
  };
  const members: Person[] = [];
  const byTeam = new Map<string, Person[]>(teams.map((t) => [t, []]));
  for (let i = 0; i < memberCount; i++) {
    const team = teams[i % teamCount]!; // every team gets someone
    const p = makePerson(team, "contributor");
    members.push(p);
    byTeam.get(team)!.push(p);
  }
  const reviewers: Person[] = [];
  for (let i = 0; i < reviewerCount; i++) reviewers.push(makePerson(REVIEW_TEAMS[i % REVIEW_TEAMS.length]!, "reviewer"));
  const people = [...members, ...reviewers];
  const teamOfArea = (a: number) => teams[a % teamCount]!;

  // Items in dependency layers -------------------------------------------------------------------
  const layerCount = clamp(Math.round(2 * Math.log2(n)) - 4, 3, 24);
  const layerOf = (i: number) => {
    const f = i / n; // the first ~8 % are foundations (layer 0), the rest spread evenly
    return f < 0.08 ? 0 : Math.min(layerCount - 1, 1 + Math.floor(((f - 0.08) / 0.92) * (layerCount - 1)));
  };
  const keyWidth = Math.max(2, String(n).length);
  const areaSeq = new Array<number>(areaCount).fill(0);
  const plans: ItemPlan[] = [];
  const generated: Bundle["items"] = [];
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  const identifyWindow = nowDay - 60 - START_DAY;
  for (let i = 0; i < n; i++) {
    const layer = layerOf(i);
    const area = layer === 0 && chance(rng, 0.7) ? 0 : int(rng, layer === 0 ? 0 : 1, areaCount - 1);
    const spec = areas[area]!;
    const key = `${spec.prefix}-${String(++areaSeq[area]!).padStart(keyWidth, "0")}`;
    const team = chance(rng, 0.9) ? teamOfArea(area) : pick(rng, teams);
    const owner = chance(rng, 0.07) ? null : pick(rng, byTeam.get(team)!);
    // Earlier layers were identified earlier; a tail of items joins the program late.
    const f = clamp((layer / layerCount) * 0.55 + rng() * 0.45, 0, 1);
    const identifiedDay = START_DAY + Math.floor(Math.pow(f, 1.6) * identifyWindow);
    const estimateWeeks = pick(rng, [1, 2, 2, 3, 4, 4, 6, 6, 8, 8, 10, 12, 16, 20]);
    const noun = pick(rng, spec.nouns);
    plans.push({ key, area, layer, team, owner, identifiedDay });
    layers[layer]!.push(i);
    const dependsOn: string[] = [];
    if (layer > 0) {
      const wanted = pick(rng, [1, 1, 2, 2, 2, 2, 3, 3, 4]);
      for (let tries = 0; dependsOn.length < wanted && tries < wanted * 4; tries++) {
        const r = rng();
        const from = r < 0.35 ? 0 : r < 0.8 ? layer - 1 : int(rng, 0, layer - 1);
        const pool = layers[from]!;
        const dep = plans[pool[Math.floor(rng() * pool.length)]!]!.key;
        if (!dependsOn.includes(dep)) dependsOn.push(dep);
      }
    }
    generated.push({
      key,
      title: `${pick(rng, MODIFIERS)} ${noun}`,
      description: `${spec.name}: ${noun} moved onto the card. Synthetic item ${i + 1} of ${n}.`,
      area: spec.name,
      owner: owner?.email ?? null,
      team,
      estimateWeeks,
      identifiedAt: dateOf(identifiedDay),
      targetDate: chance(rng, 0.8) ? dateOf(identifiedDay + estimateWeeks * 7 * int(rng, 2, 4) + 30) : null,
      dependsOn,
    });
  }

  // Histories -------------------------------------------------------------------------------------
  const transitions: (Transition & { sortKey: number })[] = [];
  const signals: Bundle["signals"] = [];
  const teammate = (team: string) => pick(rng, byTeam.get(team)!);
  const verifierFor = (by: string, owner: string | null, team: string): Person => {
    for (;;) {
      const p = chance(rng, 0.6) ? pick(rng, reviewers) : chance(rng, 0.7) ? teammate(team) : pick(rng, members);
      if (p.email !== by && p.email !== owner) return p;
    }
  };
  const span = nowDay - START_DAY;
  for (const plan of plans) {
    const owner = plan.owner?.email ?? null;
    const firstDay = plan.identifiedDay + int(rng, 3, 45);
    const lastDay = nowDay - 1;
    const age = (nowDay - plan.identifiedDay) / span; // 0..1
    // Target level at "now": older items are further along, with wide spread.
    const target = clamp(Math.floor(age * 6.2 - 0.6 + gaussian(rng) * 1.1), 0, 5);
    const window = lastDay - firstDay;
    let count = target === 0 ? (chance(rng, 0.5) ? 0 : int(rng, 1, 3)) : poisson(rng, 4 + 24 * age * (0.6 + 0.8 * rng()));
    count = Math.min(count, Math.max(0, window));
    if (count > 0) {
      // Distinct effective days, sorted.
      const days = new Set<number>();
      while (days.size < count) days.add(firstDay + Math.floor(rng() * (window + 1)));
      const sorted = [...days].sort((a, b) => a - b);
      const pool = { design: false, code: false, test: false, deploy: false };
      let level = 0;
      let seq = 0;
      let fleet = 0;
      sorted.forEach((day, j) => {
        const progress = (j + 1) / count;
        const desired = target === 0 ? (j === 0 ? 1 : 0) : Math.ceil(target * Math.pow(progress, 0.8));
        const evidence: Evidence[] = [];
        const url = (host: string, what: string) => `https://${host}.example.com/${plan.key}/${what}/${++seq}`;
        let to: number;
        let note = "";
        if (level < desired) {
          to = Math.min(desired, level + (chance(rng, 0.1) ? 2 : 1));
          if (to >= 2 && (!pool.design || chance(rng, 0.15))) evidence.push({ kind: "design_doc", url: url("docs", "design"), summary: "Design doc" });
          if (to >= 3 && (!pool.code || chance(rng, 0.3))) evidence.push({ kind: "code_change", url: url("code", "pr"), summary: "Change merged" });
          if (to >= 4 && (!pool.test || chance(rng, 0.3))) evidence.push({ kind: "test_report", url: url("ci", "run"), summary: "Test report" });
          if (to === 5 && (!pool.deploy || chance(rng, 0.5))) {
            evidence.push({ kind: "deployment", url: url("deploy", "wave"), summary: "Fleet at 100 %", fleetPercent: 100 });
            fleet = 100;
          }
          if (to === 1 && chance(rng, 0.3)) evidence.push({ kind: "other", url: url("docs", "kickoff"), summary: "Kick-off notes" });
          if (chance(rng, 0.3)) note = pick(rng, REPORT_NOTES);
        } else if ((level >= 2 && chance(rng, 0.07)) || (target === 0 && level === 1 && j > 0)) {
          to = target === 0 ? 0 : Math.max(1, level - (chance(rng, 0.3) ? 2 : 1));
          note = target === 0 ? "Deprioritised; not started in earnest." : pick(rng, REGRESSION_NOTES);
          if (level === 5) fleet = 0;
        } else {
          to = level; // a re-report at the same level
          note = pick(rng, REPORT_NOTES);
          if (level === 4 && fleet < 100 && chance(rng, 0.5)) {
            fleet = Math.min(50, Math.max(1, fleet * 2 || 1));
            evidence.push({ kind: "deployment", url: url("deploy", "wave"), summary: `Fleet at ${fleet} %`, fleetPercent: fleet });
          } else if (level === 3 && chance(rng, 0.25)) evidence.push({ kind: "code_change", url: url("code", "pr"), summary: "Change merged" });
          else if (level === 2 && chance(rng, 0.15)) evidence.push({ kind: "design_doc", url: url("docs", "design"), summary: "Design doc update" });
        }
        for (const e of evidence) {
          if (e.kind === "design_doc") pool.design = true;
          if (e.kind === "code_change") pool.code = true;
          if (e.kind === "test_report") pool.test = true;
          if (e.kind === "deployment" && e.fleetPercent === 100) pool.deploy = true;
        }
        const up = to > level;
        const down = to < level;
        level = to;

        const effectiveMs = day * DAY;
        const by = owner && chance(rng, 0.75) ? owner : teammate(plan.team).email;
        // recordedAt: mostly the same working day, sometimes left at effectiveAt, sometimes a backfill.
        let recordedMs = effectiveMs;
        const r = rng();
        if (r < 0.07 && day + 14 < nowDay) {
          recordedMs = Math.min(effectiveMs + int(rng, 14, 90) * DAY, (nowDay - 1) * DAY) + int(rng, 9, 17) * HOUR;
          if (!note) note = "Backfilled from the team's status notes.";
        } else if (r < 0.85) recordedMs = effectiveMs + int(rng, 9, 18) * HOUR;
        const t: Transition & { sortKey: number } = {
          item: plan.key,
          to: STATUSES[to]!,
          effectiveAt: dateOf(day),
          by,
          sortKey: recordedMs,
        };
        if (recordedMs !== effectiveMs) t.recordedAt = instantOf(recordedMs);
        if (evidence.length > 0) t.evidence = evidence;
        if (note) t.note = note;
        // Verification: most climbs, many re-reports, some regressions; a few late; recent ones pending.
        if (chance(rng, up ? 0.85 : down ? 0.5 : 0.6)) {
          const late = chance(rng, 0.06);
          const verifiedMs = recordedMs + (late ? int(rng, 20, 120) * DAY : int(rng, 1, 5) * DAY) + int(rng, 0, 8) * HOUR;
          if (verifiedMs <= now) {
            t.verifiedBy = verifierFor(by, owner, plan.team).email;
            t.verifiedAt = instantOf(verifiedMs);
            const vn = late ? "Verified late: evidence reviewed in the quarterly audit." : pick(rng, VERIFY_NOTES);
            if (vn) t.verificationNote = vn;
          }
        }
        transitions.push(t);
      });
    }

    // Signals: a few quarterly snapshots; crates, crash buckets and crash owner at the latest.
    const snapshots = Math.min(3, Math.floor((nowDay - plan.identifiedDay) / 90));
    let coverage = int(rng, 10, 40);
    for (let s = snapshots; s >= 1; s--) {
      const measuredDay = nowDay - s * 90 + int(rng, 1, 30);
      coverage = clamp(coverage + int(rng, -3, 15), 0, 100);
      signals.push({ item: plan.key, metric: "test_coverage_pct", value: coverage, measuredAt: dateOf(measuredDay) });
      if (s === 1) {
        const crates = int(rng, 20, 400);
        signals.push({ item: plan.key, metric: "third_party_crates", value: crates, measuredAt: dateOf(measuredDay) });
        signals.push({ item: plan.key, metric: "unvetted_crates", value: chance(rng, 0.4) ? 0 : int(rng, 1, Math.ceil(crates / 3)), measuredAt: dateOf(measuredDay) });
        signals.push({ item: plan.key, metric: "crash_owner_registered", value: chance(rng, 0.55) ? 1 : 0, measuredAt: dateOf(measuredDay) });
        if (chance(rng, 0.5)) signals.push({ item: plan.key, metric: "open_crash_buckets", value: int(rng, 0, 40), measuredAt: dateOf(measuredDay) });
      }
    }
  }
  // Recording order, as an export of a live tracker would list it.
  transitions.sort((a, b) => a.sortKey - b.sortKey);

  // Claims --------------------------------------------------------------------------------------
  const claimCount = Math.max(5, Math.round(n / 50));
  const claimFrom = START_DAY + 150;
  const claims: Bundle["claims"] = [];
  for (let c = 0; c < claimCount; c++) {
    const day = claimFrom + Math.floor(((c + rng()) / claimCount) * (nowDay - 7 - claimFrom));
    const known = plans.filter((p) => p.identifiedDay <= day);
    const candidates = known.length >= 3 ? known : plans;
    const linkCount = Math.min(candidates.length, int(rng, 3, 10));
    const links: { item: string; requires: Status }[] = [];
    const seen = new Set<string>();
    for (let tries = 0; links.length < linkCount && tries < linkCount * 5; tries++) {
      const p = pick(rng, candidates);
      if (seen.has(p.key)) continue;
      seen.add(p.key);
      links.push({ item: p.key, requires: pick(rng, ["build", "validate", "validate", "rollout", "rollout", "done"] as const) });
    }
    const area = areas[plans.find((p) => p.key === links[0]?.item)?.area ?? 0]!;
    const date = dateOf(day);
    claims.push({
      id: `claim-${date.slice(0, 4)}-${String(c + 1).padStart(4, "0")}`,
      date,
      datePrecision: chance(rng, 0.15) ? "month" : "day",
      speaker: pick(rng, SPEAKERS),
      venue: pick(rng, VENUES),
      quote: `${area.name} ${pick(rng, ["already runs on the card", "is in production across the fleet", "is being validated at scale", "has been rewritten in a memory-safe language"])}.`,
      quoteIsParaphrase: chance(rng, 0.3),
      url: `https://news.example.com/${date.slice(0, 4)}/claim-${c + 1}`,
      kind: pick(rng, ["keynote", "blog", "press", "earnings"]),
      links,
    });
  }

  const eventCount = Math.max(2, Math.round(n / 2000));
  const events: Bundle["events"] = [];
  for (let e = 0; e < eventCount; e++) {
    const day = START_DAY + Math.floor(((e + rng()) / eventCount) * (nowDay - START_DAY - 1));
    events.push({ date: dateOf(day), title: pick(rng, ["Reorganisation of the program office", "Budget review", "Hiring freeze", "Security incident review", "Release process changed"]) });
  }

  return {
    format: "offload-tracker/v1",
    program: {
      slug,
      name: `Synthetic program (${n} items)`,
      description: `Generated by scripts/generate-bundle.ts with seed ${String(options.seed)}: every name, date and figure is synthetic.`,
      targetDate: dateOf(nowDay - 140),
      thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true },
    },
    people,
    items: generated,
    transitions: transitions.map(({ sortKey: _s, ...t }) => t),
    signals,
    claims,
    events,
  };
}

/** Counts of a generated bundle, for logs and the benchmark. */
export function bundleCounts(b: BundleInput) {
  const t = b.transitions ?? [];
  return {
    people: b.people?.length ?? 0,
    items: b.items?.length ?? 0,
    dependencies: (b.items ?? []).reduce((s, i) => s + (i.dependsOn?.length ?? 0), 0),
    transitions: t.length,
    verified: t.filter((x) => x.verifiedBy).length,
    evidence: t.reduce((s, x) => s + (x.evidence?.length ?? 0), 0),
    signals: b.signals?.length ?? 0,
    claims: b.claims?.length ?? 0,
  };
}
