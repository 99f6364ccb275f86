/**
 * Writes the demo program bundle `db/seed/boost-offload.json` (DESIGN §10, §12).
 *
 *   npx tsx db/seed/build-demo-bundle.ts
 *
 * The output is deterministic: the same script always writes the same bytes (the only
 * pseudo-random numbers come from a generator with a fixed seed).
 *
 * What comes from the public account: 64 key work items identified in late 2023 to reengineer
 * the VM management stack for offload; at the end of 2024 none completed and about 60 not
 * started; foundations (key-value store, tracing, logging, observability) among them; early
 * prototypes pulling in nearly a thousand largely unvetted third-party crates; test coverage
 * below 40 %; crash buckets without registered owners; monthly releases that introduced more
 * defects than they fixed, and rollbacks; the dated public claims and their sources.
 * Everything else — item names, owners, teams, estimates, individual dates, evidence links,
 * signal values, and all history after 2024 — is an illustrative reconstruction.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../../lib/mulberry32";
import { DEMO_COMPONENTS } from "./demo-components";

type Status = "not_started" | "design" | "build" | "validate" | "rollout" | "done";
type EvidenceKind = "design_doc" | "code_change" | "test_report" | "deployment" | "other";
type Metric = "test_coverage_pct" | "third_party_crates" | "unvetted_crates" | "crash_owner_registered" | "open_crash_buckets";

const LEVEL: Record<Status, number> = { not_started: 0, design: 1, build: 2, validate: 3, rollout: 4, done: 5 };

interface Evidence {
  kind: EvidenceKind;
  url: string;
  summary: string;
  fleetPercent?: number;
}

// ---------------------------------------------------------------------------------------------
// People (fictional)
// ---------------------------------------------------------------------------------------------

const PEOPLE = {
  priya: ["priya.raman@example.com", "Priya Raman", "Node Services"],
  tomas: ["tomas.lindqvist@example.com", "Tomas Lindqvist", "Node Services"],
  amara: ["amara.okafor@example.com", "Amara Okafor", "Node Services"],
  daniel: ["daniel.brooks@example.com", "Daniel Brooks", "VM Platform"],
  mei: ["mei.chen@example.com", "Mei Chen", "VM Platform"],
  rafael: ["rafael.ortega@example.com", "Rafael Ortega", "Storage"],
  hannah: ["hannah.weiss@example.com", "Hannah Weiss", "Storage"],
  kwame: ["kwame.mensah@example.com", "Kwame Mensah", "Networking"],
  sofia: ["sofia.rossi@example.com", "Sofia Rossi", "Networking"],
  jonas: ["jonas.becker@example.com", "Jonas Becker", "Host Interface"],
  aiko: ["aiko.tanaka@example.com", "Aiko Tanaka", "Host Interface"],
  leila: ["leila.haddad@example.com", "Leila Haddad", "Security"],
  sanjay: ["sanjay.iyer@example.com", "Sanjay Iyer", "Security"],
  marcus: ["marcus.hale@example.com", "Marcus Hale", "Security"],
  grace: ["grace.kim@example.com", "Grace Kim", "Fleet Ops"],
  owen: ["owen.fischer@example.com", "Owen Fischer", "Fleet Ops"],
  nadia: ["nadia.petrova@example.com", "Nadia Petrova", "Bare Metal"],
  elena: ["elena.marsh@example.com", "Elena Marsh", "Program Office"],
  victor: ["victor.sandoval@example.com", "Victor Sandoval", "Program Office"],
} as const satisfies Record<string, readonly [string, string, string]>;

type Who = keyof typeof PEOPLE;
const REVIEWERS = new Set<Who>(["elena", "victor", "marcus"]);
const email = (who: Who): string => PEOPLE[who][0];

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

interface AreaSpec {
  prefix: string;
  area: string;
  team: string;
  identifiedAt: string;
  targetDate: string;
}

const AREAS: AreaSpec[] = [
  { prefix: "FND", area: "Foundations", team: "Node Services", identifiedAt: "2023-10-16", targetDate: "2024-06-30" },
  { prefix: "VML", area: "VM lifecycle", team: "VM Platform", identifiedAt: "2023-10-30", targetDate: "2024-12-31" },
  { prefix: "STO", area: "Storage", team: "Storage", identifiedAt: "2023-11-06", targetDate: "2024-12-31" },
  { prefix: "NET", area: "Networking", team: "Networking", identifiedAt: "2023-11-06", targetDate: "2024-12-31" },
  { prefix: "HOST", area: "Host & hypervisor interface", team: "Host Interface", identifiedAt: "2023-11-13", targetDate: "2024-09-30" },
  { prefix: "SEC", area: "Security & supply chain", team: "Security", identifiedAt: "2023-11-20", targetDate: "2024-09-30" },
  { prefix: "FLT", area: "Fleet rollout", team: "Fleet Ops", identifiedAt: "2023-12-04", targetDate: "2025-03-31" },
  { prefix: "BMT", area: "Bare-metal offering", team: "Bare Metal", identifiedAt: "2023-12-11", targetDate: "2025-06-30" },
];

interface ItemSpec {
  key: string;
  title: string;
  description: string;
  owner: Who | null;
  estimateWeeks: number;
  dependsOn: string[];
  team?: string;
  identifiedAt?: string;
  targetDate?: string;
}

const ITEMS: ItemSpec[] = [
  // Foundations
  {
    key: "FND-01", title: "Node key-value store", owner: "priya", estimateWeeks: 12, dependsOn: ["FND-09"],
    description: "Embedded, crash-consistent key-value store on the card for node-local state (VM records, device assignments, agent checkpoints), replacing the host registry and ad-hoc state files. Write-ahead log, snapshots and bounded recovery time after power loss.",
  },
  {
    key: "FND-02", title: "Distributed tracing", owner: "amara", estimateWeeks: 8, dependsOn: ["FND-09"],
    description: "Rust tracing library and exporter with trace-context propagation across card agents, the host shim and the regional control plane, so that one VM operation can be followed end to end.",
  },
  {
    key: "FND-03", title: "Structured logging pipeline", owner: "amara", estimateWeeks: 8, dependsOn: ["FND-09"],
    description: "Structured, rate-limited logging for card agents with a local ring buffer and upload to the fleet log service; replaces the printf-style logs of the host agents.",
  },
  {
    key: "FND-04", title: "Metrics and observability agent", owner: "tomas", estimateWeeks: 10, dependsOn: ["FND-03"],
    description: "Card-resident metrics collection (counters, histograms, health summaries) within a fixed memory budget, exported to the fleet telemetry pipeline. The basis for health gates and dashboards.",
  },
  {
    key: "FND-05", title: "Crash reporting and dump collection", owner: "priya", estimateWeeks: 9, dependsOn: ["FND-03"],
    description: "Minidump capture for card agents and the card OS, symbol upload, bucketing, and routing of every crash bucket to a registered owning team.",
  },
  {
    key: "FND-06", title: "Node configuration service", owner: "tomas", estimateWeeks: 10, dependsOn: ["FND-01"],
    description: "Versioned, signed node configuration delivered to the card with validation, staged rollout and last-known-good rollback; replaces configuration files pushed by the legacy host agent.",
  },
  {
    key: "FND-07", title: "Rust agent runtime and IPC framework", owner: "priya", estimateWeeks: 14, dependsOn: ["FND-02", "FND-03"],
    description: "Common async runtime, service supervision, IPC between card agents and a memory budget per service. Every new agent on the card is built on it; Rust is the language for all new code.",
  },
  {
    key: "FND-08", title: "Health monitoring and watchdog", owner: null, estimateWeeks: 7, dependsOn: ["FND-04", "FND-07"],
    description: "Liveness and readiness probes for every card agent, hardware watchdog integration and escalation to node repair. No owner has been assigned.",
  },
  {
    key: "FND-09", title: "Card build toolchain and CI", owner: "tomas", estimateWeeks: 6, dependsOn: [],
    description: "Cross-compilation for the card's Arm cores, a pinned Rust toolchain, reproducible builds and a CI pipeline that builds and tests every agent on every change.",
  },
  {
    key: "FND-10", title: "Automated test harness and hardware lab", owner: "amara", estimateWeeks: 12, dependsOn: ["FND-09"],
    description: "Hardware-in-the-loop lab of card-equipped hosts, fault injection and a test harness that measures coverage. Until it exists most testing is manual.",
  },
  // VM lifecycle
  {
    key: "VML-01", title: "Node agent rewrite in Rust", owner: "daniel", estimateWeeks: 20, dependsOn: ["FND-01", "FND-06", "FND-07"],
    description: "Rewrite of the VM management node agent (goal-state processing, VM inventory, host commands) in Rust as a service on the card. The largest single item and the one most public statements imply.",
  },
  {
    key: "VML-02", title: "VM create, start and stop from the card", owner: "mei", estimateWeeks: 12, dependsOn: ["VML-01", "HOST-02"],
    description: "VM creation, power operations and deletion orchestrated from the card, reaching the hypervisor only through the offload interface.",
  },
  {
    key: "VML-03", title: "VM state persistence and reconciliation", owner: "mei", estimateWeeks: 8, dependsOn: ["VML-01", "FND-01"],
    description: "Persist VM goal state and actual state in the node key-value store and reconcile after an agent restart or card reboot without touching running VMs.",
  },
  {
    key: "VML-04", title: "Live migration coordination", owner: "daniel", estimateWeeks: 16, dependsOn: ["VML-02", "STO-03", "NET-04"],
    description: "Coordinate live migration (memory copy, storage and network cut-over) between card-equipped hosts, including mixed fleets while the rollout is under way.",
  },
  {
    key: "VML-05", title: "VM resize and device hot-add", owner: "mei", estimateWeeks: 8, dependsOn: ["VML-02", "STO-02", "NET-04"],
    description: "Resize running VMs and hot-add disks and network adapters through the card without a VM restart.",
  },
  {
    key: "VML-06", title: "Guest heartbeat and VM health", owner: null, estimateWeeks: 6, dependsOn: ["VML-02", "FND-08"],
    description: "Guest heartbeat collection and VM health reporting from the card to the control plane, replacing the host-side heartbeat service. No owner has been assigned.",
  },
  {
    key: "VML-07", title: "Agent servicing without VM impact", owner: "daniel", estimateWeeks: 10, dependsOn: ["VML-03", "HOST-06"],
    description: "Update card agents in place, handing state over to the new version, so that servicing never pauses or reboots customer VMs.",
  },
  {
    key: "VML-08", title: "Control-plane protocol compatibility shim", owner: "mei", estimateWeeks: 6, dependsOn: ["VML-01", "SEC-03"],
    description: "Speak the existing regional control-plane protocol from the card, so that the control plane need not know whether a host is offloaded.",
  },
  // Storage
  {
    key: "STO-01", title: "Storage control agent in Rust", owner: "rafael", estimateWeeks: 14, dependsOn: ["FND-06", "FND-07"],
    description: "Rewrite of the storage control agent (disk inventory, attach requests, health) in Rust on the card's agent runtime.",
  },
  {
    key: "STO-02", title: "Remote disk attach and detach via card NVMe", owner: "rafael", estimateWeeks: 12, dependsOn: ["STO-01", "HOST-02"],
    description: "Attach and detach remote managed disks through the card's NVMe interface, with the data path entirely on the card.",
  },
  {
    key: "STO-03", title: "Disk snapshot and checkpoint coordination", owner: "hannah", estimateWeeks: 8, dependsOn: ["STO-02"],
    description: "Crash-consistent snapshots and checkpoints coordinated from the card, needed by backup and by live migration.",
  },
  {
    key: "STO-04", title: "Local and temporary disk management", owner: "hannah", estimateWeeks: 6, dependsOn: ["STO-01", "HOST-02"],
    description: "Provisioning, wiping and encryption of local and temporary disks from the card.",
  },
  {
    key: "STO-05", title: "Storage QoS and throttling on the card", owner: "hannah", estimateWeeks: 7, dependsOn: ["STO-02", "FND-04"],
    description: "Per-VM IOPS and bandwidth limits enforced on the card, with metrics for throttling decisions.",
  },
  {
    key: "STO-06", title: "Storage I/O telemetry", owner: "rafael", estimateWeeks: 5, dependsOn: ["STO-02", "FND-04", "FND-02"],
    description: "Latency and error telemetry for every disk, traced end to end from the guest to the storage service.",
  },
  {
    key: "STO-07", title: "Disk encryption key handling", owner: "hannah", estimateWeeks: 8, dependsOn: ["STO-02", "SEC-04"],
    description: "Fetch, cache and rotate disk encryption keys on the card without exposing them to the host OS.",
  },
  {
    key: "STO-08", title: "Storage path failover and recovery", owner: null, estimateWeeks: 9, dependsOn: ["STO-02", "FND-08"],
    description: "Detect failed storage paths and fail over or recover without VM-visible errors. No owner has been assigned.",
  },
  // Networking
  {
    key: "NET-01", title: "Network control agent in Rust", owner: "kwame", estimateWeeks: 14, dependsOn: ["FND-06", "FND-07"],
    description: "Rewrite of the host networking control agent (goal state for virtual networks, NICs and policies) in Rust on the card's agent runtime.",
  },
  {
    key: "NET-02", title: "SDN flow-rule programming on the card", owner: "sofia", estimateWeeks: 16, dependsOn: ["NET-01", "HOST-04"],
    description: "Program software-defined networking flow rules (encapsulation, routing, ACLs) into the card's packet pipeline instead of the host virtual switch.",
  },
  {
    key: "NET-03", title: "Network stack servicing in under 250 ms", owner: "kwame", estimateWeeks: 10, dependsOn: ["NET-02", "FND-08"],
    description: "Update the networking stack on the card with a traffic blackout under 250 ms, keeping flow state across the update.",
  },
  {
    key: "NET-04", title: "Virtual NIC lifecycle and accelerated networking", owner: "sofia", estimateWeeks: 10, dependsOn: ["NET-01", "HOST-04"],
    description: "Create, attach, detach and delete virtual NICs backed by card virtual functions, with accelerated networking on by default.",
  },
  {
    key: "NET-05", title: "Network security groups and ACL enforcement", owner: "sofia", estimateWeeks: 8, dependsOn: ["NET-02"],
    description: "Stateful security-group and ACL enforcement in the card's flow tables.",
  },
  {
    key: "NET-06", title: "Load balancer and NAT offload", owner: "kwame", estimateWeeks: 12, dependsOn: ["NET-02", "NET-05"],
    description: "Load-balancer and NAT rules processed on the card, removing the host fallback path.",
  },
  {
    key: "NET-07", title: "Network telemetry and flow logs", owner: "kwame", estimateWeeks: 6, dependsOn: ["NET-02", "FND-04", "FND-03"],
    description: "Per-flow counters and flow logs exported from the card to the fleet telemetry and log pipelines.",
  },
  {
    key: "NET-08", title: "Network state resync after agent crash", owner: null, estimateWeeks: 8, dependsOn: ["NET-02", "FND-01", "FND-05"],
    description: "Rebuild networking goal state from the node key-value store after an agent crash without dropping established flows. No owner has been assigned.",
  },
  // Host & hypervisor interface
  {
    key: "HOST-01", title: "Card-to-host communication channel", owner: "jonas", estimateWeeks: 8, dependsOn: ["FND-09"],
    description: "Authenticated, versioned message channel between card agents and the thin host shim, with flow control and timeouts.",
  },
  {
    key: "HOST-02", title: "Hypervisor offload interface for device assignment", owner: "aiko", estimateWeeks: 14, dependsOn: ["HOST-01"],
    description: "Interface through which the card asks the hypervisor to assign, reset and remove devices for a VM, replacing direct calls from host agents.",
  },
  {
    key: "HOST-03", title: "Host OS agent minimization", owner: "jonas", estimateWeeks: 12, dependsOn: ["HOST-01", "VML-01"],
    description: "Remove the server-management agents from the host OS, leaving a thin shim; everything that stays on the host must be justified.",
  },
  {
    key: "HOST-04", title: "NIC virtual-function provisioning", owner: "aiko", estimateWeeks: 6, dependsOn: ["HOST-02"],
    description: "Provision and recycle the card's NIC virtual functions for VMs through the offload interface.",
  },
  {
    key: "HOST-05", title: "Host and card time synchronization", owner: "jonas", estimateWeeks: 3, dependsOn: ["HOST-01"],
    description: "Keep host, card and guest clocks synchronized and monitored.",
  },
  {
    key: "HOST-06", title: "Card firmware and OS update orchestration", owner: "aiko", estimateWeeks: 10, dependsOn: ["HOST-01", "FND-06", "SEC-02"],
    description: "Stage, apply and roll back card firmware and card OS updates, coordinated with VM servicing.",
  },
  {
    key: "HOST-07", title: "Card resource isolation", owner: "jonas", estimateWeeks: 7, dependsOn: ["FND-07"],
    description: "CPU, memory and I/O partitioning between agents on the card's Arm cores so that one runaway agent cannot starve the data path.",
  },
  {
    key: "HOST-08", title: "Degraded-card fallback mode", owner: null, estimateWeeks: 9, dependsOn: ["HOST-02", "FND-08"],
    description: "Keep running VMs alive and manageable when the card is degraded or rebooting. No owner has been assigned.",
  },
  // Security & supply chain
  {
    key: "SEC-01", title: "Third-party crate vetting and allow-list", owner: "leila", estimateWeeks: 6, dependsOn: ["FND-09"],
    description: "Inventory of every third-party crate, a review process and a build-enforced allow-list; unvetted crates fail the build.",
  },
  {
    key: "SEC-02", title: "Signed builds and provenance for card images", owner: "sanjay", estimateWeeks: 7, dependsOn: ["FND-09"],
    description: "Signed card images with build provenance, verified before install.",
  },
  {
    key: "SEC-03", title: "Mutual authentication of card agents", owner: "sanjay", estimateWeeks: 8, dependsOn: ["HOST-01", "SEC-05"],
    description: "Mutual TLS between card agents, the host shim and the control plane, with keys rooted in the card's hardware identity.",
  },
  {
    key: "SEC-04", title: "Key management client on the card", owner: "sanjay", estimateWeeks: 8, dependsOn: ["FND-01", "SEC-05"],
    description: "Client for the key management service on the card, caching secrets in protected memory only.",
  },
  {
    key: "SEC-05", title: "Secure and measured boot of the card", owner: "leila", estimateWeeks: 9, dependsOn: [],
    description: "Secure boot chain and measured boot of the card OS with remote attestation before the card joins the fleet.",
  },
  {
    key: "SEC-06", title: "Unsafe-code audit and fuzzing", owner: "sanjay", estimateWeeks: 8, dependsOn: ["FND-10", "SEC-01"],
    description: "Audit of every `unsafe` block and continuous fuzzing of parsers and IPC endpoints.",
  },
  {
    key: "SEC-07", title: "Threat model and penetration test of the offloaded stack", owner: "leila", estimateWeeks: 6, dependsOn: ["VML-01", "STO-01", "NET-01"],
    description: "Threat model of the card agents and an external penetration test before production traffic.",
  },
  {
    key: "SEC-08", title: "Crash-bucket ownership and triage", owner: null, estimateWeeks: 3, dependsOn: ["FND-05"],
    identifiedAt: "2023-12-18",
    description: "Every crash bucket gets a registered owning team and a triage deadline. No owner has been assigned to this item either.",
  },
  // Fleet rollout
  {
    key: "FLT-01", title: "Staged deployment pipeline", owner: "grace", estimateWeeks: 8, dependsOn: ["FND-09", "SEC-02", "HOST-06"],
    description: "Safe-deployment rings for card software: lab, canary hosts, one region, then the fleet, with bake times.",
  },
  {
    key: "FLT-02", title: "Fleet health gates and automatic rollback", owner: "grace", estimateWeeks: 8, dependsOn: ["FLT-01", "FND-04", "FND-08"],
    description: "Health signals that stop a deployment ring and roll it back automatically.",
  },
  {
    key: "FLT-03", title: "Release train and quality gates", owner: "owen", estimateWeeks: 6, dependsOn: ["FLT-01", "FND-10"],
    description: "Replace the monthly big-bang release with a gated release train: a release ships only when defect escape rate and coverage thresholds hold.",
  },
  {
    key: "FLT-04", title: "Canary region rollout", owner: "owen", estimateWeeks: 10, dependsOn: ["FLT-02", "VML-02", "STO-02", "NET-02"],
    description: "Run the offloaded stack for all VMs of one canary region and meet its reliability targets.",
    targetDate: "2025-06-30",
  },
  {
    key: "FLT-05", title: "Hardware generation compatibility matrix", owner: null, estimateWeeks: 5, dependsOn: ["HOST-02", "HOST-07"],
    description: "Which card and server generations run which card software, and the tests that prove it. No owner has been assigned.",
  },
  {
    key: "FLT-06", title: "Brownfield migration of existing hosts", owner: "grace", estimateWeeks: 20, dependsOn: ["FLT-04", "VML-07", "FLT-05"],
    description: "Move existing card-equipped hosts from the host-side agents to the offloaded stack without customer impact.",
    targetDate: "2025-06-30",
  },
  {
    key: "FLT-07", title: "Decommission legacy host agents", owner: "owen", estimateWeeks: 6, dependsOn: ["FLT-06", "HOST-03"],
    description: "Remove the legacy host agents from the host image once no host depends on them.",
    targetDate: "2025-06-30",
  },
  // Bare-metal offering
  {
    key: "BMT-01", title: "Bare-metal control plane without a host OS", owner: "nadia", estimateWeeks: 16, dependsOn: ["VML-01", "HOST-08"],
    description: "Manage a whole server from the card alone, with no host OS or hypervisor under the tenant.",
  },
  {
    key: "BMT-02", title: "Bare-metal remote storage via the card", owner: "nadia", estimateWeeks: 8, dependsOn: ["BMT-01", "STO-02"],
    description: "Remote disks presented to bare-metal tenants through the card's NVMe interface.",
  },
  {
    key: "BMT-03", title: "Bare-metal networking via the card", owner: "nadia", estimateWeeks: 8, dependsOn: ["BMT-01", "NET-04"],
    description: "Virtual networking for bare-metal tenants enforced entirely on the card.",
  },
  {
    key: "BMT-04", title: "Tenant isolation and firmware protection", owner: "sanjay", estimateWeeks: 10, dependsOn: ["BMT-01", "SEC-05", "SEC-03"],
    team: "Security",
    description: "Protect server firmware from bare-metal tenants and wipe and attest the server between tenants.",
  },
  {
    key: "BMT-05", title: "Bare-metal provisioning and reimaging", owner: "nadia", estimateWeeks: 10, dependsOn: ["BMT-01", "HOST-06"],
    description: "Provision, reimage and recycle bare-metal servers from the card.",
  },
  {
    key: "BMT-06", title: "Bare-metal monitoring without in-guest agents", owner: null, estimateWeeks: 6, dependsOn: ["BMT-01", "FND-04", "FND-05"],
    description: "Hardware health, crash and metrics collection for bare-metal servers with nothing installed in the tenant OS. No owner has been assigned.",
  },
  {
    key: "BMT-07", title: "Bare-metal offering GA readiness", owner: "nadia", estimateWeeks: 4, dependsOn: ["BMT-02", "BMT-03", "BMT-04", "BMT-05", "BMT-06", "FLT-04"],
    description: "Everything needed to offer bare-metal servers generally available: capacity, support runbooks and the checks of every other bare-metal item.",
  },
];

/** Items whose plan slipped further than their area's original target. */
const LATER_TARGETS: Record<string, string> = {
  "FND-07": "2024-09-30",
  "FND-08": "2024-09-30",
  "FND-10": "2024-09-30",
  "VML-04": "2025-03-31",
  "VML-07": "2025-03-31",
  "FLT-02": "2025-03-31",
};

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------

interface Step {
  to: Status;
  at: string;
  /** recordedAt; default: the effective day at 17:00 UTC. */
  rec?: string;
  /** actor; default: the item's owner. */
  by?: Who;
  /** verifier; absent = an unverified transition. */
  v?: Who;
  /** verifiedAt; default: two days after recordedAt at 10:00 UTC. */
  vAt?: string;
  note?: string;
  /** rollout / done: the deployment's fleetPercent. */
  fleet?: number;
  /** validate: line coverage quoted in the test report. */
  cov?: number;
  /** attach a revised design doc (after a redesign) */
  newDesign?: boolean;
  extra?: Evidence[];
}

const r = (to: Status, at: string, opts: Omit<Step, "to" | "at"> = {}): Step => ({ to, at, ...opts });

const ON_TRACK = "On track per weekly status review.";

const HISTORY: Record<string, Step[]> = {
  // --- started for real in 2024 (verified) ---------------------------------------------------
  "FND-09": [
    r("design", "2024-01-22", { rec: "2024-03-01T10:00:00Z", v: "victor", vAt: "2024-03-04T10:00:00Z", note: "Backfilled: the design review happened in January, before the tracker." }),
    r("build", "2024-03-18", { v: "elena" }),
    r("validate", "2024-10-07", { cov: 44, note: "CI green on main. " + ON_TRACK }),
    r("validate", "2025-02-24", { v: "marcus", cov: 58, note: "Re-submitted with a lab test run for verification." }),
    r("rollout", "2025-06-16", { v: "victor", fleet: 25 }),
    r("done", "2025-09-22", { v: "elena", fleet: 100 }),
  ],
  "HOST-01": [
    r("design", "2024-02-12", { v: "victor" }),
    r("build", "2024-04-29", { v: "aiko" }),
    r("validate", "2024-08-05", { v: "elena", vAt: "2024-09-09T15:00:00Z", cov: 38 }),
    r("build", "2024-11-04", {
      rec: "2024-11-25T09:30:00Z",
      note: "Monthly release 2024.10 introduced more defects than it fixed (channel timeouts under load); rolled back to build. Backfilled three weeks late.",
    }),
    r("validate", "2025-01-27", { v: "aiko", cov: 52 }),
    r("rollout", "2025-05-12", { v: "victor", fleet: 10 }),
    r("validate", "2025-08-18", { note: "Rollout halted at 30 % after host stalls in release 2025.08; rolled back while the fix is tested." }),
    r("rollout", "2025-10-13", { v: "marcus", fleet: 40 }),
    r("done", "2025-12-08", { v: "elena", fleet: 100 }),
  ],
  "NET-01": [
    r("design", "2024-09-02", { rec: "2024-09-03T11:00:00Z", v: "marcus", vAt: "2024-10-14T16:00:00Z", note: "Design review held; verification waited six weeks for a reviewer." }),
    r("build", "2025-02-10", { v: "sofia" }),
    r("validate", "2025-07-21", { v: "victor", cov: 49 }),
    r("rollout", "2026-01-19", { v: "elena", fleet: 5 }),
    r("validate", "2026-04-13", { note: "Packet loss during servicing on one server generation; rollout paused and rolled back." }),
    r("rollout", "2026-07-06", { v: "marcus", fleet: 15 }),
  ],
  "SEC-05": [
    r("design", "2024-06-03", { rec: "2024-08-19T14:00:00Z", v: "marcus", vAt: "2024-08-20T10:00:00Z", note: "Backfilled: design approved in June, recorded in August." }),
    r("build", "2025-03-17", { v: "sanjay" }),
    r("validate", "2025-11-03", { v: "victor", cov: 61 }),
    r("rollout", "2026-05-18", { v: "marcus", fleet: 30 }),
    r("done", "2026-10-07", { v: "elena", fleet: 100 }),
  ],
  // --- reported ahead of the evidence in 2024 (unverified), verified work from 2025 -----------
  "FND-01": [
    r("design", "2024-03-04", { note: ON_TRACK }),
    r("build", "2024-07-15", { note: "Prototype key-value store running in the lab. " + ON_TRACK }),
    r("build", "2025-02-03", { v: "victor", note: "Re-submitted for verification: design doc and prototype changes reviewed." }),
    r("validate", "2025-09-08", { v: "marcus", cov: 55 }),
    r("rollout", "2026-03-09", { v: "elena", fleet: 10 }),
    r("done", "2026-09-14", { v: "victor", fleet: 100 }),
  ],
  "FND-02": [
    r("design", "2024-02-19", { note: ON_TRACK }),
    r("build", "2024-05-20", { note: ON_TRACK }),
    r("validate", "2024-09-16", { cov: 33, note: "Green in the weekly status report." }),
    r("validate", "2025-04-07", { v: "elena", cov: 57, note: "Re-submitted for verification with a current test report." }),
    r("rollout", "2025-08-25", { v: "victor", fleet: 20 }),
    r("done", "2026-03-16", { v: "marcus", fleet: 100 }),
  ],
  "FND-03": [
    r("design", "2024-04-08", { note: ON_TRACK }),
    r("build", "2024-08-12", { note: ON_TRACK }),
    r("build", "2025-03-10", { v: "victor", note: "Re-submitted for verification." }),
    r("validate", "2025-10-20", { v: "elena", cov: 51 }),
    r("rollout", "2026-02-09", { v: "marcus", fleet: 35 }),
    r("done", "2026-06-22", { v: "victor", fleet: 100 }),
  ],
  "FND-04": [
    r("design", "2024-06-10", { note: ON_TRACK }),
    r("design", "2025-05-05", { v: "elena", note: "Design doc rewritten and re-submitted for verification." }),
    r("build", "2025-11-10", { v: "priya" }),
    r("validate", "2026-04-20", { v: "victor", cov: 63 }),
    r("rollout", "2026-08-03", { v: "marcus", fleet: 40 }),
    r("done", "2026-11-09", { v: "elena", vAt: "2026-11-12T10:00:00Z", fleet: 100 }),
  ],
  "VML-01": [
    r("design", "2024-01-29", { note: ON_TRACK }),
    r("build", "2024-04-22", { note: ON_TRACK }),
    r("validate", "2024-08-26", { cov: 21, note: ON_TRACK }),
    r("rollout", "2024-11-11", { fleet: 1, note: "Prototype agent deployed to a lab cluster; reported as rollout in the weekly status." }),
    r("build", "2025-02-17", {
      by: "elena",
      note: "Program office evidence review: the prototype is not deployable to production hosts (22 % coverage, 198 unvetted crates, no crash owner). Status reset to build.",
    }),
    r("build", "2025-06-09", { v: "marcus", newDesign: true, note: "Agent core rebuilt on the agent runtime; revised design doc and changes submitted for verification." }),
    r("validate", "2026-01-12", { v: "victor", cov: 41 }),
    r("rollout", "2026-09-28", { v: "elena", fleet: 5 }),
  ],
  "STO-01": [
    r("design", "2024-03-11", { note: ON_TRACK }),
    r("build", "2024-06-24", { note: ON_TRACK }),
    r("validate", "2024-10-21", { cov: 27, note: ON_TRACK }),
    r("design", "2025-04-14", { note: "Re-baselined after evidence review: the prototype did not use the agent runtime and cannot ship; redesign." }),
    r("build", "2025-05-05", { v: "victor", newDesign: true }),
    r("validate", "2025-10-06", { v: "elena", cov: 47 }),
    r("rollout", "2026-04-06", { v: "marcus", fleet: 5 }),
    r("validate", "2026-06-15", { note: "Monthly release 2026.06 introduced more defects than it fixed (detach hangs); rolled back." }),
    r("rollout", "2026-09-21", { v: "victor", fleet: 15 }),
  ],
  "NET-02": [
    r("design", "2024-02-05", { note: ON_TRACK }),
    r("build", "2024-05-13", { note: ON_TRACK }),
    r("validate", "2024-08-19", { cov: 31, note: ON_TRACK }),
    r("rollout", "2024-10-28", { fleet: 2, note: "Flow-programming prototype enabled on a test cluster; reported as rollout in the weekly status." }),
    r("design", "2025-05-26", { note: "Status corrected after evidence review: no production deployment exists; the flow-rule engine is redesigned on the agent runtime." }),
    r("build", "2025-06-30", { v: "kwame", newDesign: true }),
    r("validate", "2025-12-15", { v: "elena", cov: 41 }),
    r("rollout", "2026-06-08", { v: "marcus", fleet: 10 }),
  ],
  "HOST-02": [
    r("design", "2024-05-06", { note: ON_TRACK }),
    r("build", "2024-09-09", { note: ON_TRACK }),
    r("build", "2025-07-07", { v: "jonas", note: "Re-submitted for verification." }),
    r("validate", "2026-03-23", { v: "victor", cov: 39 }),
  ],
  "FLT-01": [
    r("design", "2024-07-01", { note: ON_TRACK }),
    r("design", "2025-09-15", { v: "victor", note: "Design doc completed and re-submitted for verification." }),
    r("build", "2026-02-16", { v: "elena" }),
  ],
  "SEC-01": [
    r("design", "2024-10-14", {
      note: "Started after the prototype crate inventory passed 900 third-party crates, most of them never reviewed. " + ON_TRACK,
      extra: [
        {
          kind: "other",
          url: "https://dev.example.com/boost/security/crate-inventory-2024-09",
          summary: "Crate inventory of the prototypes (2024-09-30): 952 third-party crates, 831 of them unvetted.",
        },
      ],
    }),
    r("design", "2025-04-28", { v: "marcus", note: "Allow-list design re-submitted for verification." }),
    r("build", "2025-10-27", { v: "victor" }),
    r("validate", "2026-05-11", { v: "elena", cov: 57 }),
  ],
  // --- started in 2025–2026 -----------------------------------------------------------------------
  "FND-05": [
    r("design", "2025-06-02", { v: "tomas" }),
    r("build", "2025-12-01", { v: "victor" }),
    r("validate", "2026-05-04", { v: "elena", cov: 58 }),
    r("rollout", "2026-08-24", { v: "marcus", fleet: 50 }),
    r("done", "2026-10-26", { v: "victor", fleet: 100 }),
  ],
  "FND-06": [
    r("design", "2025-03-31", { v: "victor" }),
    r("build", "2025-12-08", { v: "priya" }),
    r("validate", "2026-07-27", { cov: 52, note: ON_TRACK }),
  ],
  "FND-07": [
    r("design", "2025-01-13", { v: "victor" }),
    r("build", "2025-06-23", { v: "elena" }),
    r("validate", "2026-02-23", { v: "marcus", cov: 54 }),
  ],
  "FND-10": [
    r("design", "2025-08-04", { v: "elena" }),
    r("build", "2026-01-26", { v: "victor" }),
  ],
  "FLT-03": [
    r("design", "2025-01-06", { v: "elena", note: "Started because the monthly releases kept introducing more defects than they fixed." }),
    r("build", "2025-07-28", { v: "grace" }),
    r("validate", "2026-01-12", { v: "victor", cov: 58 }),
    r("rollout", "2026-04-27", { v: "marcus", fleet: 60 }),
  ],
  "SEC-02": [
    r("design", "2025-05-19", { v: "marcus" }),
    r("build", "2026-01-05", { v: "leila" }),
  ],
  "HOST-07": [
    r("design", "2025-09-29", { v: "aiko" }),
    r("build", "2026-05-25", { v: "victor" }),
  ],
  "STO-02": [
    r("design", "2025-11-17", { v: "hannah" }),
    r("build", "2026-06-29", { v: "victor" }),
  ],
  "HOST-06": [
    r("design", "2026-01-20", { v: "jonas" }),
    r("build", "2026-07-13", { v: "marcus" }),
  ],
  "NET-04": [
    r("design", "2026-02-02", { v: "kwame" }),
    r("build", "2026-08-17", { note: ON_TRACK }),
  ],
  "VML-02": [r("design", "2026-03-02", { v: "daniel" })],
  "SEC-04": [r("design", "2026-03-30", { v: "leila" })],
  "VML-03": [r("design", "2026-04-27", { note: ON_TRACK })],
  "FLT-02": [r("design", "2026-05-04", { v: "owen" })],
  "BMT-01": [r("design", "2026-06-01", { note: ON_TRACK })],
};

// ---------------------------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------------------------

/** Per item, per date: cov = test_coverage_pct, crates = third_party_crates, unvetted, owner = crash_owner_registered, buckets = open_crash_buckets. */
interface SignalSet {
  cov?: number;
  crates?: number;
  unvetted?: number;
  owner?: 0 | 1;
  buckets?: number;
}

/** The metric of each SignalSet field, in the order the bundle lists one date's signals. */
const SIGNAL_METRICS: [keyof SignalSet, Metric][] = [
  ["cov", "test_coverage_pct"],
  ["crates", "third_party_crates"],
  ["unvetted", "unvetted_crates"],
  ["owner", "crash_owner_registered"],
  ["buckets", "open_crash_buckets"],
];

const SIGNALS: Record<string, Record<string, SignalSet>> = {
  // Early prototypes: 952 third-party crates on 2024-09-30, 831 of them unvetted.
  "VML-01": {
    "2024-06-28": { cov: 19 },
    "2024-09-30": { cov: 22, crates: 212, unvetted: 198 },
    "2024-12-16": { owner: 0, buckets: 47 },
    "2025-12-15": { cov: 39, crates: 143, unvetted: 61 },
    "2026-10-19": { cov: 48, crates: 131, unvetted: 27, owner: 1, buckets: 19 },
  },
  "NET-02": {
    "2024-06-28": { cov: 28 },
    "2024-09-30": { cov: 31, crates: 168, unvetted: 151 },
    "2024-12-16": { owner: 0, buckets: 38 },
    "2025-12-15": { cov: 41, crates: 120, unvetted: 48 },
    "2026-10-19": { cov: 46, crates: 110, unvetted: 19, owner: 0, buckets: 24 },
  },
  "STO-01": {
    "2024-06-28": { cov: 25 },
    "2024-09-30": { cov: 27, crates: 154, unvetted: 139 },
    "2024-12-16": { owner: 0, buckets: 29 },
    "2025-12-15": { cov: 47, crates: 101, unvetted: 30 },
    "2026-10-19": { cov: 55, crates: 96, unvetted: 8, owner: 1, buckets: 11 },
  },
  "FND-01": {
    "2024-09-30": { cov: 18, crates: 97, unvetted: 88 },
    "2024-12-16": { owner: 0, buckets: 12 },
    "2025-12-15": { cov: 52, crates: 64, unvetted: 9 },
    "2026-10-19": { cov: 73, crates: 58, unvetted: 0, owner: 1, buckets: 2 },
  },
  "NET-01": {
    "2024-09-30": { cov: 36, crates: 88, unvetted: 71 },
    "2024-12-16": { owner: 0, buckets: 22 },
    "2025-12-15": { cov: 57, crates: 70, unvetted: 12 },
    "2026-10-19": { cov: 63, crates: 66, unvetted: 2, owner: 1, buckets: 6 },
  },
  "FND-02": {
    "2024-06-28": { cov: 30 },
    "2024-09-30": { cov: 33, crates: 71, unvetted: 66 },
    "2024-12-16": { owner: 0, buckets: 6 },
    "2025-12-15": { cov: 64, crates: 52, unvetted: 0 },
    "2026-10-19": { cov: 76, crates: 50, unvetted: 0, owner: 1, buckets: 1 },
  },
  "HOST-01": {
    "2024-06-28": { cov: 35 },
    "2024-09-30": { cov: 38, crates: 63, unvetted: 41 },
    "2024-12-16": { owner: 0, buckets: 17 },
    "2025-12-15": { cov: 68, crates: 39, unvetted: 0, owner: 1, buckets: 4 },
    "2026-10-19": { cov: 74, buckets: 2 },
  },
  "FND-03": {
    "2024-09-30": { cov: 24, crates: 58, unvetted: 55 },
    "2024-12-16": { owner: 0, buckets: 9 },
    "2025-12-15": { cov: 49, crates: 40, unvetted: 3 },
    "2026-10-19": { cov: 72, crates: 38, unvetted: 0, owner: 1, buckets: 1 },
  },
  "FND-09": {
    "2024-06-28": { cov: 41 },
    "2024-09-30": { cov: 44, crates: 41, unvetted: 22 },
    "2024-12-16": { owner: 1, buckets: 3 },
    "2025-12-15": { cov: 71, crates: 30, unvetted: 0 },
    "2026-10-19": { cov: 78, buckets: 0 },
  },
  "SEC-05": {
    "2024-12-16": { cov: 29, owner: 0, buckets: 5 },
    "2025-12-15": { cov: 58 },
    "2026-10-19": { cov: 70, owner: 1, buckets: 0 },
  },
  // Items started in 2025–2026.
  "FND-04": { "2025-12-15": { cov: 34, crates: 22, unvetted: 0 }, "2026-10-19": { cov: 71, owner: 1, buckets: 3 } },
  "FND-05": { "2025-12-15": { cov: 26 }, "2026-10-19": { cov: 66, unvetted: 0, owner: 1, buckets: 4 } },
  "FND-06": { "2025-12-15": { cov: 31, crates: 35, unvetted: 6 }, "2026-10-19": { cov: 52, unvetted: 1, owner: 0, buckets: 7 } },
  "FND-07": { "2025-12-15": { cov: 44, crates: 48, unvetted: 5 }, "2026-10-19": { cov: 58, unvetted: 0, owner: 1, buckets: 9 } },
  "FND-10": { "2026-10-19": { cov: 45, crates: 27, unvetted: 4 } },
  "SEC-01": { "2025-12-15": { cov: 38 }, "2026-10-19": { cov: 57, owner: 1 } },
  "SEC-02": { "2026-10-19": { cov: 49, crates: 19, unvetted: 0 } },
  "FLT-01": { "2026-10-19": { cov: 50, owner: 0, buckets: 3 } },
  "FLT-03": { "2025-12-15": { cov: 47 }, "2026-10-19": { cov: 61, owner: 1, buckets: 2 } },
  "HOST-02": { "2025-12-15": { cov: 28, crates: 44, unvetted: 17 }, "2026-10-19": { cov: 41, unvetted: 4 } },
  "HOST-07": { "2026-10-19": { cov: 38, crates: 12, unvetted: 2 } },
  "STO-02": { "2026-10-19": { cov: 35, crates: 31, unvetted: 9 } },
  "HOST-06": { "2026-10-19": { cov: 44 } },
  "NET-04": { "2026-10-19": { cov: 22, crates: 28, unvetted: 14 } },
};

/**
 * Items that replace host-side components which already crash in production: their crash buckets
 * exist before any offload work starts. Audited on 2024-12-16 and again on 2026-10-19.
 */
const LEGACY_CRASH_ITEMS = [
  "VML-02", "VML-03", "VML-04", "VML-05", "VML-06", "VML-07",
  "STO-02", "STO-03", "STO-04", "STO-05", "STO-07", "STO-08",
  "NET-03", "NET-04", "NET-05", "NET-06", "NET-08",
  "HOST-02", "HOST-03", "HOST-04", "HOST-06", "HOST-08",
];
/** Legacy components whose crash buckets already had a registered owner in 2024. */
const OWNED_IN_2024 = new Set(["STO-04", "HOST-04"]);
/** Registered an owner by the 2026 re-audit. */
const OWNED_IN_2026 = new Set(["STO-04", "HOST-04", "VML-02", "STO-02", "HOST-02", "HOST-06", "NET-04", "VML-03", "NET-05"]);

// ---------------------------------------------------------------------------------------------
// Claims and events (dated public statements; quotes short, paraphrases marked)
// ---------------------------------------------------------------------------------------------

const CLAIMS = [
  {
    id: "azure-blog-2023-05",
    date: "2023-05-11",
    datePrecision: "day",
    speaker: "Microsoft Azure",
    venue: "Azure blog: \"Microsoft Azure security evolution: embrace secure multitenancy, Confidential Compute, and Rust\"",
    quote: "we've already adopted Rust in some of the most critical components of Azure's infrastructure.",
    quoteIsParaphrase: false,
    url: "https://azure.microsoft.com/en-us/blog/microsoft-azure-security-evolution-embrace-secure-multitenancy-confidential-compute-and-rust/",
    kind: "blog",
    implies: "memory-safe rewrites of core node components under way (build)",
    links: [["FND-07", "build"], ["VML-01", "build"], ["STO-01", "build"], ["NET-01", "build"]],
  },
  {
    id: "boost-preview-2023-07",
    date: "2023-07-15",
    datePrecision: "month",
    dateNote: "Published in July 2023; the day is approximate.",
    speaker: "Microsoft Azure",
    venue: "Azure Updates: Azure Boost preview announcement",
    quote: "Azure Boost enters preview, with MANA networking.",
    quoteIsParaphrase: true,
    url: "https://azure.microsoft.com/en-us/updates/preview-azure-boost/",
    kind: "announcement",
    implies: "networking offload in validation",
    links: [["NET-01", "validate"], ["NET-02", "validate"], ["NET-04", "validate"], ["HOST-04", "validate"]],
  },
  {
    id: "learn-overview-2023-11",
    date: "2023-11-07",
    datePrecision: "day",
    speaker: "Microsoft Learn (Azure documentation)",
    venue: "\"Microsoft Azure Boost\" overview (Ignite 2023)",
    quote:
      "offloads server virtualization processes traditionally performed by the hypervisor and host OS onto purpose-built software and hardware … Rust serves as the primary language for all new code written on the Boost system",
    quoteIsParaphrase: false,
    url: "https://learn.microsoft.com/azure/azure-boost/overview",
    kind: "documentation",
    implies: "storage and network control offloaded and in rollout; node agents running on the card; new code in Rust",
    links: [["STO-01", "rollout"], ["STO-02", "rollout"], ["NET-01", "rollout"], ["NET-02", "rollout"], ["VML-01", "rollout"], ["FND-07", "build"]],
  },
  {
    id: "boost-ga-2023-11",
    date: "2023-11-15",
    datePrecision: "day",
    speaker: "Microsoft Azure",
    venue: "Azure Compute blog: Azure Boost general availability announcement, Ignite 2023",
    quote: "Azure Boost is generally available.",
    quoteIsParaphrase: true,
    url: "https://techcommunity.microsoft.com/t5/azure-compute-blog/announcing-the-general-availability-of-azure-boost/ba-p/3981384",
    kind: "announcement",
    implies: "the offloaded stack in production (rollout)",
    links: [["VML-01", "rollout"], ["STO-02", "rollout"], ["NET-02", "rollout"], ["FLT-01", "rollout"], ["FLT-04", "rollout"]],
  },
  {
    id: "ignite-keynote-2024-11",
    date: "2024-11-19",
    datePrecision: "day",
    speaker: "Azure CTO",
    venue: "Microsoft Ignite 2024 keynote \"Inside Azure innovations\" (session recording)",
    quote: "The networking stack on Boost can be updated in under 250 ms and hosts complex software-defined networking rules.",
    quoteIsParaphrase: true,
    url: "https://ignite.microsoft.com",
    kind: "keynote",
    implies: "network control plane on the card (rollout)",
    links: [["NET-01", "rollout"], ["NET-02", "rollout"], ["NET-03", "rollout"], ["NET-05", "rollout"]],
  },
  {
    id: "rust-nation-2025-03",
    date: "2025-03-26",
    datePrecision: "day",
    speaker: "Azure CTO",
    venue: "Rust Nation UK 2025 (interview)",
    quote: "All new system code in Azure is written in Rust by default; networking, storage and server-management agents are being rebuilt in Rust.",
    quoteIsParaphrase: true,
    url: "https://www.youtube.com/watch?v=1VgptLwP588",
    kind: "interview",
    implies: "host agents rewrite in build",
    links: [["VML-01", "build"], ["STO-01", "build"], ["NET-01", "build"], ["HOST-03", "build"], ["FND-07", "build"]],
  },
  {
    id: "build-brk195-2025-05",
    date: "2025-05-20",
    datePrecision: "day",
    speaker: "Azure CTO",
    venue: "Microsoft Build 2025, session BRK195",
    quote: "The control plane is being taken off the host: control-plane agents run on the card's Arm cores, and Boost is on about 20 % of the fleet.",
    quoteIsParaphrase: true,
    url: "https://build.microsoft.com",
    kind: "talk",
    implies: "control-plane agents offloaded, in rollout",
    links: [["VML-01", "rollout"], ["HOST-03", "rollout"], ["STO-01", "rollout"], ["NET-01", "rollout"], ["FLT-04", "rollout"]],
  },
] as const;

const EVENTS = [
  { date: "2025-03-10", title: "OpenAI signs an $11.9B compute deal with CoreWeave", url: null },
  { date: "2025-09-10", title: "A $300B multi-year compute deal between OpenAI and Oracle is reported", url: null },
  { date: "2025-09-25", title: "OpenAI expands its CoreWeave deal by $6.5B", url: null },
];

const PROGRAM_DESCRIPTION = [
  "Illustrative reconstruction from the public account of the effort to offload a cloud provider's VM management stack (node agents, VM lifecycle, storage and network control, observability) onto a dedicated accelerator card and rewrite it in Rust.",
  "From the public account: 64 key work items were identified in late 2023; by the end of 2024 none was complete and work had not started on about 60, foundations such as a key-value store, tracing, logging and observability among them; early prototypes pulled in nearly a thousand third-party crates, largely unvetted; automated test coverage was below 40 %; crash buckets had no registered owners; monthly releases introduced more defects than they fixed, and were rolled back. The dated public claims and their sources are real.",
  "Invented for illustration: item names and descriptions, owners, teams, estimates, dependencies, individual transition dates, evidence links and signal values. Everything after 2024 is an illustrative continuation, not a report of what happened.",
].join("\n\n");

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

function slugify(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function addDaysIso(iso: string, days: number, time: string): string {
  const d = new Date(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.toISOString().slice(0, 10)}T${time}Z`;
}

function compact(date: string): string {
  return date.replace(/-/g, "");
}

const VERIFICATION_NOTES: Record<Status, string> = {
  not_started: "",
  design: "Design doc reviewed: scope, interfaces and failure modes covered.",
  build: "Design doc and first merged changes reviewed.",
  validate: "Merged changes reviewed; test plan and lab runs in place.",
  rollout: "Test report reviewed; deployment ring and bake time checked.",
  done: "Deployment record checked: 100 % of the fleet, legacy path disabled.",
};

function buildBundle() {
  const itemsByKey = new Map(ITEMS.map((i) => [i.key, i]));
  const areaOf = (key: string): AreaSpec => {
    const prefix = key.split("-")[0];
    const area = AREAS.find((a) => a.prefix === prefix);
    if (!area) throw new Error(`no area for ${key}`);
    return area;
  };

  const items = ITEMS.map((i) => {
    const area = areaOf(i.key);
    return {
      key: i.key,
      title: i.title,
      description: i.description,
      area: area.area,
      owner: i.owner ? email(i.owner) : null,
      team: i.team ?? area.team,
      estimateWeeks: i.estimateWeeks,
      identifiedAt: i.identifiedAt ?? area.identifiedAt,
      targetDate: i.targetDate ?? LATER_TARGETS[i.key] ?? area.targetDate,
      dependsOn: i.dependsOn,
      ...(DEMO_COMPONENTS[i.key] ? { components: DEMO_COMPONENTS[i.key] } : {}),
    };
  });

  interface OutTransition {
    item: string;
    to: Status;
    effectiveAt: string;
    recordedAt: string;
    by: string;
    evidence: Evidence[];
    note: string;
    verifiedBy?: string;
    verifiedAt?: string;
    verificationNote?: string;
  }
  const transitions: OutTransition[] = [];

  for (const [key, steps] of Object.entries(HISTORY)) {
    const item = itemsByKey.get(key);
    if (!item) throw new Error(`history for unknown item ${key}`);
    const slug = `${key}-${slugify(item.title)}`;
    const have = new Set<string>();
    let previous = 0;
    let designDocs = 0;
    for (const s of steps) {
      const level = LEVEL[s.to];
      const by: Who | null = s.by ?? item.owner;
      if (!by) throw new Error(`${key}: no actor`);
      const evidence: Evidence[] = [];
      const add = (kind: EvidenceKind, fleet?: number) => {
        if (kind === "design_doc") {
          designDocs++;
          evidence.push({
            kind,
            url: `https://dev.example.com/boost/design/${slug}${designDocs > 1 ? `-v${designDocs}` : ""}`,
            summary:
              designDocs > 1
                ? `Revised design doc (v${designDocs}): ${item.title}.`
                : `Design doc: ${item.title} (scope, interfaces, failure modes, rollout plan).`,
          });
        } else if (kind === "code_change") {
          const pr = 10000 + (fnv1a(`${key}@${s.at}`) % 90000);
          evidence.push({
            kind,
            url: `https://dev.example.com/boost/code/pull/${pr}`,
            summary:
              s.at < "2025-01-01"
                ? `Prototype code for ${item.title} merged (PR ${pr}).`
                : `${item.title}: implementation merged on the agent runtime (PR ${pr}).`,
          });
        } else if (kind === "test_report") {
          const tests = 40 + (fnv1a(`${key}#${s.at}`) % 900);
          evidence.push({
            kind,
            url: `https://dev.example.com/boost/ci/${key}/runs/${compact(s.at)}`,
            summary: `Lab test run for ${key}: ${tests} tests passed${s.cov !== undefined ? `, line coverage ${s.cov} %` : ""}.`,
          });
        } else if (kind === "deployment") {
          const pct = fleet ?? 0;
          evidence.push({
            kind,
            url: `https://dev.example.com/boost/deploy/${key}/${compact(s.at)}-${pct}pct`,
            summary:
              pct === 100
                ? `${key} deployed to 100 % of the fleet; legacy path disabled.`
                : `${key} deployed to ${pct} % of the fleet.`,
            fleetPercent: pct,
          });
        }
        have.add(kind === "deployment" && fleet === 100 ? "deployment100" : kind);
      };

      const movingDown = level < previous;
      if (movingDown) {
        if (!s.note) throw new Error(`${key} ${s.at}: a move down needs a note`);
      } else {
        // Evidence of the work of this phase, then anything the gates still miss.
        if (level === 1 || s.newDesign) add("design_doc");
        if (level === 2) add("code_change");
        if (level === 3) add("test_report");
        if (level === 4) add("deployment", s.fleet);
        if (level === 5) add("deployment", 100);
        if (level >= 2 && !have.has("design_doc")) add("design_doc");
        if (level >= 3 && !have.has("code_change")) add("code_change");
        if (level >= 4 && !have.has("test_report")) add("test_report");
        if (level >= 5 && !have.has("deployment100")) add("deployment", 100);
      }
      for (const e of s.extra ?? []) {
        evidence.push(e);
        have.add(e.kind);
      }
      previous = level;

      const recordedAt = s.rec ?? `${s.at}T17:00:00Z`;
      const t: OutTransition = {
        item: key,
        to: s.to,
        effectiveAt: s.at,
        recordedAt,
        by: email(by),
        evidence,
        note: s.note ?? "",
      };
      if (s.v) {
        if (s.v === by || s.v === item.owner) throw new Error(`${key} ${s.at}: four eyes`);
        t.verifiedBy = email(s.v);
        t.verifiedAt = s.vAt ?? addDaysIso(recordedAt, 2, "10:00:00");
        t.verificationNote = VERIFICATION_NOTES[s.to];
      }
      transitions.push(t);
    }
  }
  const itemIndex = new Map(ITEMS.map((i, n) => [i.key, n]));
  transitions.sort(
    (a, b) =>
      a.effectiveAt.localeCompare(b.effectiveAt) ||
      a.recordedAt.localeCompare(b.recordedAt) ||
      (itemIndex.get(a.item) ?? 0) - (itemIndex.get(b.item) ?? 0),
  );

  interface OutSignal {
    item: string;
    metric: Metric;
    value: number;
    measuredAt: string;
  }
  const signals: OutSignal[] = [];
  const push = (item: string, date: string, set: SignalSet) => {
    for (const [field, metric] of SIGNAL_METRICS) {
      const value = set[field];
      if (value !== undefined) signals.push({ item, metric, value, measuredAt: date });
    }
  };
  for (const [item, byDate] of Object.entries(SIGNALS)) for (const [date, set] of Object.entries(byDate)) push(item, date, set);
  const random = mulberry32(20231016);
  for (const item of LEGACY_CRASH_ITEMS) {
    const before = 4 + Math.floor(random() * 38);
    const after = Math.max(0, before - 3 - Math.floor(random() * 14));
    push(item, "2024-12-16", { owner: OWNED_IN_2024.has(item) ? 1 : 0, buckets: before });
    push(item, "2026-10-19", { owner: OWNED_IN_2026.has(item) ? 1 : 0, buckets: after });
  }
  signals.sort(
    (a, b) => a.measuredAt.localeCompare(b.measuredAt) || (itemIndex.get(a.item) ?? 0) - (itemIndex.get(b.item) ?? 0),
  );

  const claims = CLAIMS.map((c) => ({
    id: c.id,
    date: c.date,
    datePrecision: c.datePrecision,
    ...("dateNote" in c ? { dateNote: c.dateNote } : {}),
    speaker: c.speaker,
    venue: c.venue,
    quote: c.quote,
    quoteIsParaphrase: c.quoteIsParaphrase,
    url: c.url,
    kind: c.kind,
    implies: c.implies,
    links: c.links.map(([item, requires]) => ({ item, requires })),
  }));

  return {
    format: "offload-tracker/v1",
    program: {
      slug: "boost-offload",
      name: "Boost offload program",
      description: PROGRAM_DESCRIPTION,
      targetDate: "2025-06-30",
      // The public account ends here; items and history after it are invented (DESIGN §13).
      factsUntil: "2024-12-31",
      thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true },
    },
    // Roles make the demo usable at once: the three reviewers who own nothing verify, everyone else reports.
    people: Object.entries(PEOPLE).map(([who, [address, name, team]]) => ({
      email: address,
      name,
      team,
      role: REVIEWERS.has(who as Who) ? "reviewer" : "contributor",
    })),
    items,
    transitions,
    signals,
    claims,
    events: EVENTS,
  };
}

const out = join(dirname(fileURLToPath(import.meta.url)), "boost-offload.json");
writeFileSync(out, `${JSON.stringify(buildBundle(), null, 2)}\n`);
console.log(`wrote ${out}`);
