import fs from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { closure, isRegistryPackage, parseCargoLock } from "@/lib/artefacts/cargo-lock";
import { refusal } from "../support/refusal";

const OPENVMM = fs.readFileSync("tests/fixtures/real/openvmm/Cargo.lock", "utf8");

interface RawPackage {
  name: string;
  version: string;
  source?: string;
  dependencies?: string[];
}
const rawPackages = (parse(OPENVMM) as unknown as { package: RawPackage[] }).package;

/** Reads a dependency entry the plain way, for comparison: "name" or "name version". */
function independentId(entry: string): string {
  const [name, version] = entry.split(" ");
  const matches = rawPackages.filter((p) => p.name === name && (version === undefined || p.version === version));
  if (matches.length !== 1) throw new Error(`test data: ${entry} names ${matches.length} packages`);
  return `${matches[0].name}@${matches[0].version}`;
}

const lockOf = (...packages: string[]) => `version = 4\n\n${packages.join("\n\n")}\n`;
const pkg = (name: string, version: string, extra = "") => `[[package]]\nname = "${name}"\nversion = "${version}"\n${extra}`;
const CRATES_IO = 'source = "registry+https://github.com/rust-lang/crates.io-index"\n';

describe("parseCargoLock on OpenVMM's real Cargo.lock", () => {
  it("finds as many registry crates as the file has [[package]] entries with a registry source", () => {
    const expected = rawPackages.filter((p) => p.source?.startsWith("registry+") || p.source?.startsWith("sparse+")).length;
    const lock = parseCargoLock(OPENVMM);
    expect(lock.packages).toHaveLength(rawPackages.length);
    expect(lock.packages.filter(isRegistryPackage)).toHaveLength(expected);
    expect(expected).toBeGreaterThan(400);
  });

  it("walks underhill_core's dependencies to the same closure as a plain breadth-first walk", () => {
    const start = rawPackages.filter((p) => p.name === "underhill_core").map((p) => `${p.name}@${p.version}`);
    const byId = new Map(rawPackages.map((p) => [`${p.name}@${p.version}`, p]));
    const seen = new Set(start);
    const queue = [...start];
    while (queue.length > 0) {
      for (const dep of byId.get(queue.shift()!)!.dependencies ?? []) {
        const id = independentId(dep);
        if (!seen.has(id)) {
          seen.add(id);
          queue.push(id);
        }
      }
    }
    // underhill_core is first-party (no source), so it is not part of its own closure.
    for (const id of start) seen.delete(id);

    const result = closure(parseCargoLock(OPENVMM), ["underhill_core"]);
    expect(result.unknown).toEqual([]);
    expect([...result.ids].sort()).toEqual([...seen].sort());
    expect(seen.size).toBeGreaterThan(300);
  });

  it("reports root names the lock does not carry instead of refusing them", () => {
    const result = closure(parseCargoLock(OPENVMM), ["underhill_core", "no_such_crate"]);
    expect(result.unknown).toEqual(["no_such_crate"]);
    expect(result.ids.size).toBeGreaterThan(0);
  });
});

describe("parseCargoLock resolving dependency entries", () => {
  const lock = parseCargoLock(
    lockOf(
      pkg("app", "0.1.0", 'dependencies = [\n "serde",\n "syn 1.0.109",\n "syn 2.0.0 (registry+https://github.com/rust-lang/crates.io-index)",\n "mine",\n]'),
      pkg("mine", "0.0.0", 'dependencies = ["app"]'),
      pkg("serde", "1.0.0", CRATES_IO),
      pkg("syn", "1.0.109", CRATES_IO),
      pkg("syn", "2.0.0", CRATES_IO),
      pkg("syn", "2.0.0", 'source = "git+https://example.org/syn#abc"'),
    ),
  );

  it("reads a bare name, a name with version and a name with version and source as one package each", () => {
    expect(lock.byId.get("app@0.1.0")!.dependencies).toEqual(["serde@1.0.0", "syn@1.0.109", "syn@2.0.0", "mine@0.0.0"]);
    expect(lock.byId.get("syn@2.0.0")!.source).toMatch(/^registry\+/);
  });

  it("keeps registry roots in the closure and leaves first-party roots out, even when reached again", () => {
    expect([...closure(lock, ["app", "mine"]).ids].sort()).toEqual(["serde@1.0.0", "syn@1.0.109", "syn@2.0.0"]);
    // Every version of a root name is a root; the git copy of syn is not from a registry, so it stays out.
    expect([...closure(lock, ["syn"]).ids].sort()).toEqual(["syn@1.0.109", "syn@2.0.0"]);
  });
});

describe("parseCargoLock refusing a malformed lock", () => {
  const TWO_PACKAGES = ["version = 4", "", "[[package]]", 'name = "a"', 'version = "1.0.0"', "", "[[package]]"];

  it("names the line of a TOML syntax error", async () => {
    const error = await refusal(() => parseCargoLock([...TWO_PACKAGES, 'name = "b"', "version = 1.0.0"].join("\n")));
    expect(error.code).toBe("invalid");
    expect(error.message).toMatch(/^this Cargo\.lock cannot be read at line 9: /);
    expect(error.errors[0].path).toBe("line 9");
  });

  it("names a dependency that matches no package, at its package's line", async () => {
    const error = await refusal(() => parseCargoLock([...TWO_PACKAGES, 'name = "b"', 'version = "1.0.0"', 'dependencies = ["ghost 0.1.0"]'].join("\n")));
    expect(error.code).toBe("invalid");
    expect(error.message).toBe('this Cargo.lock cannot be read at line 7: b 1.0.0 depends on "ghost 0.1.0", which names no single package in this lock');
  });

  it("refuses a bare name when the lock holds two versions of it", async () => {
    const error = await refusal(() => parseCargoLock(lockOf(pkg("a", "1.0.0", 'dependencies = ["b"]'), pkg("b", "1.0.0"), pkg("b", "2.0.0"))));
    expect(error.message).toContain('a 1.0.0 depends on "b", which names no single package');
  });

  it("refuses an empty text and a lock without packages", async () => {
    for (const text of ["", "version = 4\n"]) {
      const error = await refusal(() => parseCargoLock(text));
      expect(error.code).toBe("invalid");
      expect(error.message).toBe("this Cargo.lock cannot be read: it has no [[package]] entries");
    }
  });

  it("refuses a package without a version, at its line", async () => {
    const error = await refusal(() => parseCargoLock([...TWO_PACKAGES, 'name = "b"'].join("\n")));
    expect(error.message).toBe("this Cargo.lock cannot be read at line 7: package 2 has no name or no version");
  });
});
