import { artefactError } from "./artefact-types";
import { parseTomlArtefact } from "./toml-artefact";

/** The texts of a cargo-vet `supply-chain/` folder; any may be missing. */
export interface VetTexts {
  config?: string;
  audits?: string;
  imports?: string;
}

/** Who may publish a crate's versions, and when, for a `trusted` or wildcard-audit entry. */
export interface TrustEntry {
  userId?: number;
  trustedPublisher?: string;
  start?: string;
  end?: string;
}

/** Who published one version and when, as imports.lock recorded it from crates.io. */
export interface PublisherRecord {
  when: string;
  userId?: number;
  trustedPublisher?: string;
}

/** Every vetting record of the three files, per crate name, whatever its criteria. */
export interface VetRecords {
  fullAudits: Map<string, Set<string>>;
  deltas: Map<string, Array<[from: string, to: string]>>;
  trust: Map<string, TrustEntry[]>;
  /** Keyed `name@version`. */
  publishers: Map<string, PublisherRecord>;
  exemptions: Map<string, Set<string>>;
}

type Table = Record<string, unknown>;

export function readVetRecords(texts: VetTexts): VetRecords {
  const records: VetRecords = { fullAudits: new Map(), deltas: new Map(), trust: new Map(), publishers: new Map(), exemptions: new Map() };
  const config = texts.config === undefined ? {} : parseTomlArtefact("supply-chain/config.toml", texts.config);
  const audits = texts.audits === undefined ? {} : parseTomlArtefact("supply-chain/audits.toml", texts.audits);
  const imports = texts.imports === undefined ? {} : parseTomlArtefact("supply-chain/imports.lock", texts.imports);

  for (const [name, entry] of entriesOf(config, "exemptions", "supply-chain/config.toml")) {
    if (typeof entry.version === "string") add(records.exemptions, name, entry.version);
  }
  // imports.lock nests each peer's files under `audits.PEER`: the same tables as audits.toml.
  const sources: Array<[Table, string]> = [
    [config, "supply-chain/config.toml"],
    [audits, "supply-chain/audits.toml"],
    ...Object.entries(tableOf(imports, "audits", "supply-chain/imports.lock")).map(([peer, t]): [Table, string] => [asTable(t, `supply-chain/imports.lock`, `audits.${peer}`), "supply-chain/imports.lock"]),
  ];
  for (const [file, kind] of sources) {
    for (const [name, entry] of entriesOf(file, "audits", kind)) readAudit(records, name, entry, kind);
    for (const [name, entry] of [...entriesOf(file, "trusted", kind), ...entriesOf(file, "wildcard-audits", kind)]) push(records.trust, name, trustEntry(entry));
  }
  for (const [name, entry] of entriesOf(imports, "publisher", "supply-chain/imports.lock")) {
    const when = dateText(entry.when);
    if (typeof entry.version !== "string" || when === undefined) continue;
    records.publishers.set(`${name}@${entry.version}`, { when, ...trustEntry(entry) });
  }
  return records;
}

function readAudit(records: VetRecords, name: string, entry: Table, kind: string): void {
  // A violation says versions must NOT be used: it certifies nothing.
  if (entry.violation !== undefined) return;
  if (typeof entry.version === "string") add(records.fullAudits, name, entry.version);
  if (typeof entry.delta === "string") {
    const ends = entry.delta.split("->").map((v) => v.trim());
    if (ends.length !== 2 || !ends[0] || !ends[1]) throw artefactError(kind, `the delta audit of ${name} "${entry.delta}" is not "from -> to"`);
    push(records.deltas, name, [ends[0], ends[1]]);
  }
}

function trustEntry(entry: Table): TrustEntry {
  const start = dateText(entry.start);
  const end = dateText(entry.end);
  return {
    ...(typeof entry["user-id"] === "number" ? { userId: entry["user-id"] } : {}),
    ...(typeof entry["trusted-publisher"] === "string" ? { trustedPublisher: entry["trusted-publisher"] } : {}),
    ...(start === undefined ? {} : { start }),
    ...(end === undefined ? {} : { end }),
  };
}

/** Dates are quoted in cargo-vet files, but a bare TOML date is a Date: both become YYYY-MM-DD. */
function dateText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** `[[section.NAME]]` arrays as (name, entry) pairs; a section of another shape is refused. */
function entriesOf(doc: Table, section: string, kind: string): Array<[string, Table]> {
  const pairs: Array<[string, Table]> = [];
  for (const [name, list] of Object.entries(tableOf(doc, section, kind))) {
    if (!Array.isArray(list)) throw artefactError(kind, `${section}.${name} is not a list of [[${section}.${name}]] entries`);
    for (const entry of list) pairs.push([name, asTable(entry, kind, `${section}.${name}`)]);
  }
  return pairs;
}

function tableOf(doc: Table, key: string, kind: string): Table {
  return doc[key] === undefined ? {} : asTable(doc[key], kind, key);
}

function asTable(value: unknown, kind: string, where: string): Table {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date) throw artefactError(kind, `${where} is not a table`);
  return value as Table;
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}
