import fs from "node:fs";
import fc from "fast-check";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseCargoLock } from "@/lib/artefacts/cargo-lock";
import { classifyVet, type VetStatus } from "@/lib/artefacts/cargo-vet";

const read = (path: string) => fs.readFileSync(`tests/fixtures/real/wasmtime/${path}`, "utf8");
const WASMTIME_LOCK = read("Cargo.lock");
const VET = { config: read("supply-chain/config.toml"), audits: read("supply-chain/audits.toml"), imports: read("supply-chain/imports.lock") };

const CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";
/** A lock holding the given versions of one registry crate, `foo`. */
const lockWith = (versions: readonly string[]) =>
  parseCargoLock(versions.map((v) => `[[package]]\nname = "foo"\nversion = "${v}"\nsource = "${CRATES_IO}"\n`).join("\n"));
const audit = (fields: string) => `[[audits.foo]]\nwho = "A <a@example.org>"\ncriteria = "safe-to-deploy"\n${fields}\n`;

function tally(status: Map<string, VetStatus>): Record<VetStatus, number> {
  const counts = { audited: 0, trusted: 0, exempted: 0, unvetted: 0 };
  for (const s of status.values()) counts[s]++;
  return counts;
}

describe("classifyVet on Wasmtime's real supply-chain folder", () => {
  const lock = parseCargoLock(WASMTIME_LOCK);
  const { status } = classifyVet(lock, VET);
  const registryIds = (parse(WASMTIME_LOCK) as { package: Array<{ name: string; version: string; source?: string }> }).package
    .filter((p) => p.source?.startsWith("registry+"))
    .map((p) => `${p.name}@${p.version}`);

  it("gives every registry crate exactly one status, and each status occurs", () => {
    const counts = tally(status);
    expect([...status.keys()].sort()).toEqual([...registryIds].sort());
    expect(counts.audited + counts.trusted + counts.exempted + counts.unvetted).toBe(registryIds.length);
    for (const s of ["audited", "trusted", "exempted", "unvetted"] as const) expect(counts[s], s).toBeGreaterThan(0);
  });

  it("counts as exempted exactly the exemptions at a version in the lock that no audit or trust entry already covers", () => {
    const config = parse(VET.config) as { exemptions: Record<string, Array<{ version: string }>> };
    const listed = new Set(Object.entries(config.exemptions).flatMap(([name, entries]) => entries.map((e) => `${name}@${e.version}`)));
    const inLock = [...listed].filter((id) => registryIds.includes(id));
    const exempted = [...status].filter(([, s]) => s === "exempted").map(([id]) => id);
    // Precedence (audited > trusted > exempted) could take an exemption out of the count; on
    // this data none of the exempted versions in the lock is also audited or trusted, so the
    // exempted count is exactly the number of exemption entries whose version is in the lock.
    const covered = inLock.filter((id) => status.get(id) === "audited" || status.get(id) === "trusted");
    expect(covered).toEqual([]);
    expect(exempted.sort()).toEqual(inLock.filter((id) => !covered.includes(id)).sort());
    expect(exempted.length).toBeLessThan(listed.size);
  });

  it("counts audits imported from peers in imports.lock: without that file fewer crates are audited", () => {
    const withoutImports = classifyVet(lock, { config: VET.config, audits: VET.audits }).status;
    expect(tally(withoutImports).audited).toBeLessThan(tally(status).audited);
    // fnv 1.0.7: one full audit, Mozilla's, under [[audits.mozilla.audits.fnv]].
    // either 1.13.0: ISRG's full audit of 1.6.1, Mozilla's deltas to 1.8.1, Wasmtime's own 1.8.1 -> 1.13.0.
    for (const id of ["fnv@1.0.7", "either@1.13.0"]) {
      expect(status.get(id), id).toBe("audited");
      expect(withoutImports.get(id), id).toBe("unvetted");
    }
  });

  it("lists the trusted versions imports.lock holds no publisher record for, at most ten by name", () => {
    const { notes } = classifyVet(lock, VET);
    expect(notes).toHaveLength(1);
    const match = /^(\d+) versions trusted without a publisher record to check offline: (.+) and (\d+) more$/.exec(notes[0]);
    expect(match).not.toBeNull();
    expect(match![2].split(", ")).toHaveLength(10);
    expect(Number(match![1])).toBe(10 + Number(match![3]));
  });
});

describe("classifyVet without supply-chain data", () => {
  it("calls every registry crate unvetted and says there is no vetting data", () => {
    const result = classifyVet(lockWith(["1.0.0", "2.0.0"]));
    expect([...result.status.values()]).toEqual(["unvetted", "unvetted"]);
    expect(result.notes).toEqual(["no vetting data"]);
  });
});

describe("classifyVet following delta audits", () => {
  // Distinct versions v0, v1, … vn; v0 has a full audit and each delta goes vi -> vi+1.
  const chainArb = fc
    .uniqueArray(fc.nat({ max: 50 }), { minLength: 2, maxLength: 8 })
    .map((ns) => ns.map((n) => `1.${n}.0`))
    .chain((versions) => fc.record({ versions: fc.constant(versions), order: fc.shuffledSubarray(versions.slice(1).map((_, i) => i), { minLength: versions.length - 1 }) }));
  const deltas = (versions: readonly string[], links: readonly number[]) => links.map((i) => audit(`delta = "${versions[i]} -> ${versions[i + 1]}"`)).join("\n");

  it("audits the end of an unbroken chain from a fully audited version, whatever the order of the entries", () => {
    fc.assert(
      fc.property(chainArb, ({ versions, order }) => {
        const audits = audit(`version = "${versions[0]}"`) + deltas(versions, order);
        const { status } = classifyVet(lockWith(versions), { audits });
        for (const v of versions) expect(status.get(`foo@${v}`)).toBe("audited");
      }),
    );
  });

  it("leaves the end unaudited when any one link is missing", () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), ({ versions, order }, pick) => {
        const missing = order[pick % order.length];
        const audits = audit(`version = "${versions[0]}"`) + deltas(versions, order.filter((i) => i !== missing));
        const { status } = classifyVet(lockWith(versions), { audits });
        expect(status.get(`foo@${versions.at(-1)}`)).toBe("unvetted");
        expect(status.get(`foo@${versions[missing]}`)).toBe("audited");
      }),
    );
  });

  it("audits nothing through a chain that starts at a version without a full audit", () => {
    fc.assert(
      fc.property(chainArb, ({ versions, order }) => {
        const audits = audit('version = "9.9.9"') + deltas(versions, order);
        const { status } = classifyVet(lockWith(versions), { audits });
        for (const v of versions) expect(status.get(`foo@${v}`)).toBe("unvetted");
      }),
    );
  });

  it("takes a violation for no audit at all", () => {
    const { status } = classifyVet(lockWith(["1.0.0"]), { audits: audit('violation = "=1.0.0"') });
    expect(status.get("foo@1.0.0")).toBe("unvetted");
  });
});

describe("classifyVet checking a trusted publisher", () => {
  const trusted = '[[trusted.foo]]\ncriteria = "safe-to-deploy"\nuser-id = 7\nstart = "2024-01-01"\nend = "2025-01-01"\n';
  const published = (version: string, when: string, userId: number) => `[[publisher.foo]]\nversion = "${version}"\nwhen = "${when}"\nuser-id = ${userId}\n`;
  const lock = lockWith(["1.0.0", "2.0.0", "3.0.0", "4.0.0"]);
  const imports = [published("1.0.0", "2024-06-01", 7), published("2.0.0", "2025-01-01", 7), published("3.0.0", "2024-06-01", 8)].join("\n");
  const config = '[[exemptions.foo]]\nversion = "2.0.0"\ncriteria = "safe-to-deploy"\n';

  it("trusts a version published by that user inside the window, and one with no record to check", () => {
    const { status, notes } = classifyVet(lock, { audits: trusted, imports, config });
    expect(status.get("foo@1.0.0")).toBe("trusted");
    expect(status.get("foo@4.0.0")).toBe("trusted");
    expect(notes).toEqual(["1 version trusted without a publisher record to check offline: foo@4.0.0"]);
  });

  it("does not trust a version published on the end date or by another user", () => {
    const { status } = classifyVet(lock, { audits: trusted, imports, config });
    expect(status.get("foo@2.0.0")).toBe("exempted");
    expect(status.get("foo@3.0.0")).toBe("unvetted");
  });

  it("reads a wildcard audit imported from a peer like a trusted entry", () => {
    const peer = `[[audits.peer.wildcard-audits.foo]]\nwho = "B"\ncriteria = "safe-to-run"\nuser-id = 7\nstart = "2024-01-01"\nend = "2025-01-01"\n\n${imports}`;
    expect(classifyVet(lock, { imports: peer }).status.get("foo@1.0.0")).toBe("trusted");
  });

  it("puts an audit before trust and trust before an exemption", () => {
    const audits = `${trusted}\n${audit('version = "1.0.0"')}`;
    const exemptAll = ["1.0.0", "4.0.0"].map((v) => `[[exemptions.foo]]\nversion = "${v}"\ncriteria = "safe-to-deploy"\n`).join("\n");
    const { status } = classifyVet(lock, { audits, imports, config: exemptAll });
    expect(status.get("foo@1.0.0")).toBe("audited");
    expect(status.get("foo@4.0.0")).toBe("trusted");
  });
});

describe("classifyVet refusing a malformed supply-chain file", () => {
  it("names the file and the line of a TOML syntax error", () => {
    let error: unknown;
    try {
      classifyVet(lockWith(["1.0.0"]), { audits: `${audit('version = "1.0.0"')}\n[[audits.foo]\n` });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid");
    expect((error as AppError).message).toMatch(/^this supply-chain\/audits\.toml cannot be read at line 6: /);
  });

  it("refuses a delta that is not 'from -> to'", () => {
    expect(() => classifyVet(lockWith(["1.0.0"]), { audits: audit('delta = "1.0.0"') })).toThrow('the delta audit of foo "1.0.0" is not "from -> to"');
  });
});
