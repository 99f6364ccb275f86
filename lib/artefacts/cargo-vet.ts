import { type CargoLock, isRegistryPackage } from "./cargo-lock";
import { type PublisherRecord, readVetRecords, type TrustEntry, type VetRecords, type VetTexts } from "./cargo-vet-records";

export type { VetTexts } from "./cargo-vet-records";

/** How a registry crate version is vetted, best first: the first that applies wins. */
export type VetStatus = "audited" | "trusted" | "exempted" | "unvetted";

export interface VetClassification {
  /** Every registry package id of the lock; first-party packages are not listed. */
  status: Map<string, VetStatus>;
  notes: string[];
}

const LISTED_IN_NOTE = 10;

/**
 * Classifies each registry crate of the lock by cargo-vet's records, any criteria counting.
 * Audited: a full audit of the version, or a delta chain reaching it from one. Trusted: a `trusted`
 * or wildcard-audit entry for the crate whose publisher and dates match the version's publisher
 * record, or that cannot be checked because imports.lock has no record of it. Exempted: listed in
 * config.toml's exemptions.
 */
export function classifyVet(lock: CargoLock, texts: VetTexts = {}): VetClassification {
  const hasData = texts.config !== undefined || texts.audits !== undefined || texts.imports !== undefined;
  const records = readVetRecords(texts);
  const audited = new Map<string, Set<string>>();
  const unchecked: string[] = [];
  const status = new Map<string, VetStatus>();

  for (const pkg of lock.packages) {
    if (!isRegistryPackage(pkg)) continue;
    let versions = audited.get(pkg.name);
    if (!versions) audited.set(pkg.name, (versions = auditedVersions(records, pkg.name)));
    const trust = trustOf(records.trust.get(pkg.name), records.publishers.get(`${pkg.name}@${pkg.version}`));
    if (versions.has(pkg.version)) status.set(pkg.id, "audited");
    else if (trust !== "no") {
      status.set(pkg.id, "trusted");
      if (trust === "unchecked") unchecked.push(pkg.id);
    } else if (records.exemptions.get(pkg.name)?.has(pkg.version)) status.set(pkg.id, "exempted");
    else status.set(pkg.id, "unvetted");
  }

  const notes: string[] = [];
  if (!hasData) notes.push("no vetting data");
  if (unchecked.length > 0) notes.push(`${unchecked.length} ${unchecked.length === 1 ? "version" : "versions"} trusted without a publisher record to check offline: ${listCapped(unchecked)}`);
  return { status, notes };
}

/** Versions a full audit names, and every version a chain of deltas reaches from one of them. */
export function auditedVersions(records: Pick<VetRecords, "fullAudits" | "deltas">, name: string): Set<string> {
  const reached = new Set(records.fullAudits.get(name) ?? []);
  const deltas = records.deltas.get(name) ?? [];
  const queue = [...reached];
  for (let i = 0; i < queue.length; i++) {
    for (const [from, to] of deltas) {
      if (from !== queue[i] || reached.has(to)) continue;
      reached.add(to);
      queue.push(to);
    }
  }
  return reached;
}

/** "yes" when a publisher record fits an entry, "unchecked" when there is no record to check against. */
function trustOf(entries: readonly TrustEntry[] | undefined, publisher: PublisherRecord | undefined): "yes" | "unchecked" | "no" {
  if (!entries || entries.length === 0) return "no";
  if (!publisher) return "unchecked";
  // cargo-vet's own window: published on or after `start`, strictly before `end`.
  const fits = (e: TrustEntry) =>
    ((e.userId !== undefined && e.userId === publisher.userId) || (e.trustedPublisher !== undefined && e.trustedPublisher === publisher.trustedPublisher)) &&
    (e.start === undefined || e.start <= publisher.when) &&
    (e.end === undefined || publisher.when < e.end);
  return entries.some(fits) ? "yes" : "no";
}

function listCapped(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED_IN_NOTE).join(", ");
  return ids.length > LISTED_IN_NOTE ? `${shown} and ${ids.length - LISTED_IN_NOTE} more` : shown;
}
