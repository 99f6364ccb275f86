import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { exportBundle } from "@/db/export-bundle";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { verifyLog } from "@/db/verify-log";
import { toBundleJson } from "@/lib/bundle/to-bundle-json";
import { validateBundle } from "@/lib/bundle/validate-bundle";
import type { NormalizedBundle } from "@/lib/bundle/normalized-bundle";
import type { FieldError } from "@/lib/errors";
import { refusal } from "../support/refusal";
import { TINY_LOG_ENTRIES, tinyValidBundle, validBundleArb, type TinyBundle } from "../support/bundle-arbitrary";

const SYSTEM = { actor: null };

function normalized(raw: unknown): NormalizedBundle {
  const result = validateBundle(raw);
  if (!result.ok) throw new Error(`test bundle is invalid: ${JSON.stringify(result.errors)}`);
  return result.bundle;
}

/** Log entries an import of `raw` appends to a database that knows none of its people (db/import-bundle.ts). */
function expectedLogEntries(raw: unknown, newPeople?: number): number {
  const b = normalized(raw);
  return (
    (newPeople ?? b.people.length) + // a person created
    1 + // the program
    (b.people.length > 0 ? 1 : 0) + // its members, one entry
    b.items.length +
    b.items.reduce((n, i) => n + i.dependsOn.length, 0) + // one entry per dependency edge
    b.transitions.length + // evidence travels inside its transition's entry
    b.transitions.filter((t) => t.verifiedBy !== null).length +
    b.signals.length +
    b.claims.length + // links travel inside the claim's entry
    b.events.length +
    b.comments.length // an edit or deletion travels inside the comment's entry
  );
}

function logCount(db: Db): number {
  return (db.$client.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;
}

function mutated(change: (b: TinyBundle) => void): TinyBundle {
  const b = tinyValidBundle();
  change(b);
  return b;
}

const tmpDirs: string[] = [];
function tmpFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-import-"));
  tmpDirs.push(dir);
  return path.join(dir, name);
}
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** What importing tinyValidBundle() counts (dry run or not). */
const TINY_COUNTS = { people: 3, newPeople: 3, items: 4, dependencies: 4, transitions: 5, verifications: 4, evidence: 2, signals: 3, claims: 2, events: 1 };

describe("import then export", () => {
  it("gives back the tiny bundle in its normalized form", () => {
    const db = openDatabase(":memory:");
    const summary = importBundle(db, tinyValidBundle(), SYSTEM);
    expect(summary).toEqual({
      program: "tiny",
      dryRun: false,
      counts: TINY_COUNTS,
    });
    const exported = exportBundle(db, "tiny");
    expect(exported).toEqual(toBundleJson(normalized(tinyValidBundle())));
    // Spot checks of the normal form: defaults filled in, times as text, no roles.
    expect(exported.transitions[0]).toMatchObject({ recordedAt: "2024-01-10", verifiedAt: "2024-01-10" });
    expect(exported.transitions[4]).toMatchObject({ effectiveAt: "2024-05-01T06:00:00.000Z", verifiedAt: "2024-05-02" });
    expect(exported.transitions[3]).toMatchObject({ verifiedBy: null, verifiedAt: null });
    expect(exported.people[0]).toEqual({ email: "ann@example.com", name: "Ana Pereira", team: "Node Services" });
  });

  it("carries the evidence horizon both ways, and exports a program without one as null", () => {
    const db = openDatabase(":memory:");
    const withHorizon = mutated((b) => (b.program.factsUntil = "2024-12-31"));
    importBundle(db, withHorizon, SYSTEM);
    const exported = exportBundle(db, "tiny");
    expect(exported.program.factsUntil).toBe("2024-12-31");
    expect(exported).toEqual(toBundleJson(normalized(withHorizon)));
    const again = openDatabase(":memory:");
    importBundle(again, JSON.parse(JSON.stringify(exported)), SYSTEM);
    expect(exportBundle(again, "tiny")).toEqual(exported);

    const without = openDatabase(":memory:");
    importBundle(without, tinyValidBundle(), SYSTEM);
    expect(exportBundle(without, "tiny").program.factsUntil).toBeNull();
  });

  it("refuses an evidence horizon that is not a date", () => {
    const db = openDatabase(":memory:");
    const err = refusal(() => importBundle(db, mutated((b) => (b.program.factsUntil = "end of 2024")), SYSTEM));
    expect(err.code).toBe("invalid");
    expect(JSON.stringify(err)).toContain("factsUntil");
    expect(logCount(db)).toBe(0);
  });

  it("refuses to export an unknown program with not_found", () => {
    const db = openDatabase(":memory:");
    expect(refusal(() => exportBundle(db, "nope")).code).toBe("not_found");
  });

  it("property: export(import(b)) = normalized b, and a second round trip is identical", () => {
    fc.assert(
      fc.property(validBundleArb, (b) => {
        const expected = toBundleJson(normalized(b));
        const first = openDatabase(":memory:");
        importBundle(first, b, SYSTEM);
        const exported = exportBundle(first, expected.program.slug);
        expect(exported).toEqual(expected);

        // Through JSON text, like a file, into another fresh database.
        const second = openDatabase(":memory:");
        importBundle(second, JSON.parse(JSON.stringify(exported)), SYSTEM);
        expect(exportBundle(second, expected.program.slug)).toEqual(exported);
        first.$client.close();
        second.$client.close();
      }),
      { numRuns: 30 },
    );
  });

  it("keeps two programs apart in one database", () => {
    const db = openDatabase(":memory:");
    importBundle(db, tinyValidBundle(), SYSTEM);
    const other = mutated((b) => {
      b.program.slug = "tiny-two";
      b.items.forEach((i) => (i.title = `${i.title} (two)`));
      b.claims = [];
    });
    importBundle(db, other, SYSTEM);
    expect(exportBundle(db, "tiny")).toEqual(toBundleJson(normalized(tinyValidBundle())));
    expect(exportBundle(db, "tiny-two")).toEqual(toBundleJson(normalized(other)));
  });
});

describe.each(["memory", "file"] as const)("all or nothing (%s database)", (kind) => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(kind === "memory" ? ":memory:" : tmpFile("tracker.db"));
    importBundle(db, tinyValidBundle(), SYSTEM);
    return () => db.$client.close();
  });

  /** Asserts `raw` is refused with `code` and an error at `path` containing `words`, and that nothing changed. */
  function expectRefused(raw: unknown, code: string, path: string, ...words: string[]): FieldError[] {
    const before = Buffer.from(db.$client.serialize());
    const entries = logCount(db);
    for (const dryRun of [false, true]) {
      const error = refusal(() => importBundle(db, raw, { actor: "ann@example.com", dryRun }));
      expect(error.code).toBe(code);
      const at = error.errors.find((e) => e.path === path);
      expect(at, `an error at ${path} among ${JSON.stringify(error.errors)}`).toBeDefined();
      for (const w of words) expect(at!.message).toContain(w);
    }
    const after = Buffer.from(db.$client.serialize());
    expect(after.equals(before), "database bytes unchanged").toBe(true);
    expect(logCount(db)).toBe(entries);
    expect(verifyLog(db)).toMatchObject({ ok: true, entries });
    return refusal(() => importBundle(db, raw, SYSTEM)).errors;
  }

  /** The tiny bundle under a new slug (so that only the intended rule is broken). */
  const fresh = (change: (b: TinyBundle) => void) =>
    mutated((b) => {
      b.program.slug = "tiny-next";
      change(b);
    });

  it("refuses a dependency cycle, naming it", () => {
    expectRefused(
      fresh((b) => (b.items[0]!.dependsOn = ["NET-02"])),
      "rule",
      "items[0].dependsOn",
      "dependency cycle: FND-01 -> NET-02 -> NET-01 -> FND-01",
    );
  });

  it("refuses a gate violation, naming the missing evidence", () => {
    expectRefused(fresh((b) => (b.transitions[1]!.evidence = [])), "rule", "transitions[1].evidence", "cannot enter build", "a design_doc");
  });

  it("refuses a four-eyes violation", () => {
    expectRefused(
      fresh((b) => (b.transitions[2]!.verifiedBy = "bob@example.com")),
      "rule",
      "transitions[2].verifiedBy",
      "four eyes",
      "bob@example.com",
    );
    expectRefused(fresh((b) => (b.transitions[4]!.verifiedBy = "cat@example.com")), "rule", "transitions[4].verifiedBy", "owns this item");
  });

  it("refuses an unknown key", () => {
    expectRefused(fresh((b) => (b.items[3]!.dependsOn[0] = "NET-99")), "rule", "items[3].dependsOn[0]", 'unknown item key "NET-99"');
    expectRefused(fresh((b) => (b.claims[0]!.links[0]!.item = "NET-99")), "rule", "claims[0].links[0].item", 'unknown item key "NET-99"');
  });

  it("refuses a slug that exists with conflict (409)", () => {
    const errors = expectRefused(tinyValidBundle(), "conflict", "program.slug", 'a program "tiny" already exists');
    expect(errors).toHaveLength(1);
    expect(refusal(() => importBundle(db, tinyValidBundle(), SYSTEM)).status).toBe(409);
  });

  it("refuses malformed input before looking at the database", () => {
    expectRefused(fresh((b) => (b.transitions[0]!.effectiveAt = "2024-13-45")), "invalid", "transitions[0].effectiveAt", "must be a date");
    expectRefused({ format: "offload-tracker/v1" }, "invalid", "program", "");
    expectRefused("not a bundle", "invalid", "(bundle)", "");
  });

  it("rolls back a write that fails half-way through (nothing of it stays)", () => {
    // A temporary trigger (it lives in the temp schema, not in the database itself) makes the
    // last kind of record the importer writes fail, after people, items, transitions, … were written.
    db.$client.exec("CREATE TEMP TRIGGER fail_events BEFORE INSERT ON main.events BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const before = Buffer.from(db.$client.serialize());
    const entries = logCount(db);
    const bundle = fresh((b) => {
      b.people.push({ email: "dan@example.com", name: "Dana Levi" });
    });
    expect(() => importBundle(db, bundle, SYSTEM)).toThrow(/disk on fire/);
    expect(Buffer.from(db.$client.serialize()).equals(before)).toBe(true);
    expect(logCount(db)).toBe(entries);
    expect(db.$client.prepare("SELECT count(*) AS n FROM people WHERE email = 'dan@example.com'").get()).toEqual({ n: 0 });
    db.$client.exec("DROP TRIGGER temp.fail_events");
    importBundle(db, bundle, SYSTEM);
    expect(exportBundle(db, "tiny-next").people.map((p) => p.email)).toContain("dan@example.com");
  });
});

describe("dry run", () => {
  it("writes nothing and returns the counts", () => {
    const db = openDatabase(":memory:");
    const before = Buffer.from(db.$client.serialize());
    const summary = importBundle(db, tinyValidBundle(), { actor: null, dryRun: true });
    expect(summary).toEqual({
      program: "tiny",
      dryRun: true,
      counts: TINY_COUNTS,
    });
    expect(Buffer.from(db.$client.serialize()).equals(before)).toBe(true);
    expect(logCount(db)).toBe(0);
    expect(refusal(() => exportBundle(db, "tiny")).code).toBe("not_found");
    // The same bundle, really imported, gives the same counts.
    expect(importBundle(db, tinyValidBundle(), { actor: null }).counts).toEqual(summary.counts);
  });

  it("counts only people the database does not know as new", () => {
    const db = openDatabase(":memory:");
    importBundle(db, tinyValidBundle(), SYSTEM);
    const other = mutated((b) => {
      b.program.slug = "tiny-two";
      b.people.push({ email: "dan@example.com", name: "Dana Levi" });
    });
    expect(importBundle(db, other, { actor: null, dryRun: true }).counts).toMatchObject({ people: 4, newPeople: 1 });
  });
});

describe("every imported record is appended to the hash-chained log", () => {
  it("the tiny bundle appends 28 entries, chained", () => {
    const db = openDatabase(":memory:");
    importBundle(db, tinyValidBundle(), { actor: "ann@example.com" });
    expect(expectedLogEntries(tinyValidBundle())).toBe(TINY_LOG_ENTRIES);
    const verdict = verifyLog(db);
    expect(verdict).toMatchObject({ ok: true, entries: TINY_LOG_ENTRIES, firstBad: null });
    const last = db.$client.prepare("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").get() as { hash: string };
    expect(verdict.head).toBe(last.hash);
    const rows = db.$client.prepare("SELECT entity, count(*) AS n FROM audit_log GROUP BY entity ORDER BY entity").all();
    expect(rows).toEqual([
      { entity: "claim", n: 2 },
      { entity: "dependency", n: 4 },
      { entity: "event", n: 1 },
      { entity: "item", n: 4 },
      { entity: "members", n: 1 },
      { entity: "person", n: 3 },
      { entity: "program", n: 1 },
      { entity: "signal", n: 3 },
      { entity: "transition", n: 9 }, // 5 creations + 4 verifications
    ]);
    const actors = db.$client.prepare("SELECT DISTINCT actor FROM audit_log").all();
    expect(actors).toEqual([{ actor: "ann@example.com" }]);
  });

  it("property: entries = people created + program + members + items + edges + transitions + verifications + signals + claims + events + comments", () => {
    fc.assert(
      fc.property(validBundleArb, validBundleArb, (a, b) => {
        const db = openDatabase(":memory:");
        importBundle(db, a, SYSTEM);
        const afterA = expectedLogEntries(a);
        expect(verifyLog(db)).toMatchObject({ ok: true, entries: afterA });
        // A second program chains on; people it shares with the first are not created again.
        if (normalized(b).program.slug === normalized(a).program.slug) return;
        const known = new Set(normalized(a).people.map((p) => p.email));
        const newPeople = normalized(b).people.filter((p) => !known.has(p.email)).length;
        importBundle(db, b, SYSTEM);
        expect(verifyLog(db)).toMatchObject({ ok: true, entries: afterA + expectedLogEntries(b, newPeople) });
        db.$client.close();
      }),
      { numRuns: 25 },
    );
  });
});

describe("the log is tamper-evident", () => {
  it("refuses UPDATE and DELETE on audit_log", () => {
    const db = openDatabase(":memory:");
    importBundle(db, tinyValidBundle(), SYSTEM);
    expect(() => db.$client.exec("UPDATE audit_log SET payload = '{}' WHERE seq = 5")).toThrow(/append-only/);
    expect(() => db.$client.exec("DELETE FROM audit_log WHERE seq = 5")).toThrow(/append-only/);
    expect(verifyLog(db).ok).toBe(true);
  });

  it("names the altered entry as firstBad", () => {
    const db = openDatabase(":memory:");
    importBundle(db, tinyValidBundle(), SYSTEM);
    const payload = (db.$client.prepare("SELECT payload FROM audit_log WHERE seq = 5").get() as { payload: string }).payload;
    expect(payload).toContain("a"); // so that the replace below changes something
    db.$client.exec("DROP TRIGGER audit_log_no_update");
    db.$client.exec("UPDATE audit_log SET payload = replace(payload, 'a', 'b') WHERE seq = 5");
    const verdict = verifyLog(db);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad).toEqual({ seq: 5, reason: expect.stringContaining("altered") });
    expect(verdict.entries).toBe(5);
  });

  it("names an entry whose payload no longer parses, or whose hash was recomputed without re-chaining", () => {
    const db = openDatabase(":memory:");
    importBundle(db, tinyValidBundle(), SYSTEM);
    db.$client.exec("DROP TRIGGER audit_log_no_update");
    db.$client.exec("UPDATE audit_log SET payload = substr(payload, 2) WHERE seq = 9");
    expect(verifyLog(db).firstBad?.seq).toBe(9);

    const other = openDatabase(":memory:");
    importBundle(other, tinyValidBundle(), SYSTEM);
    other.$client.exec("DROP TRIGGER audit_log_no_update");
    // A forger rewrites entry 7's hash: entry 8's prevHash no longer matches.
    other.$client.exec("UPDATE audit_log SET hash = '" + "f".repeat(64) + "' WHERE seq = 7");
    expect(verifyLog(other).firstBad?.seq).toBe(7);
  });

  it("names the entry after a deleted one", () => {
    const db = openDatabase(":memory:");
    importBundle(db, tinyValidBundle(), SYSTEM);
    db.$client.exec("DROP TRIGGER audit_log_no_delete");
    db.$client.exec("DELETE FROM audit_log WHERE seq = 12");
    expect(verifyLog(db)).toMatchObject({ ok: false, firstBad: { seq: 13 } });
  });
});
