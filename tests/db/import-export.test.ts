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

async function logCount(db: Db): Promise<number> {
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
  it("gives back the tiny bundle in its normalized form", async () => {
    const db = await openDatabase(":memory:");
    const summary = await importBundle(db, tinyValidBundle(), SYSTEM);
    expect(summary).toEqual({
      program: "tiny",
      dryRun: false,
      counts: TINY_COUNTS,
    });
    const exported = await exportBundle(db, "tiny");
    expect(exported).toEqual(toBundleJson(normalized(tinyValidBundle())));
    // Spot checks of the normal form: defaults filled in, times as text, no roles.
    expect(exported.transitions[0]).toMatchObject({ recordedAt: "2024-01-10", verifiedAt: "2024-01-10" });
    expect(exported.transitions[4]).toMatchObject({ effectiveAt: "2024-05-01T06:00:00.000Z", verifiedAt: "2024-05-02" });
    expect(exported.transitions[3]).toMatchObject({ verifiedBy: null, verifiedAt: null });
    expect(exported.people[0]).toEqual({ email: "ann@example.com", name: "Ana Pereira", team: "Node Services" });
  });

  it("carries the evidence horizon both ways, and exports a program without one as null", async () => {
    const db = await openDatabase(":memory:");
    const withHorizon = mutated((b) => (b.program.factsUntil = "2024-12-31"));
    await importBundle(db, withHorizon, SYSTEM);
    const exported = await exportBundle(db, "tiny");
    expect(exported.program.factsUntil).toBe("2024-12-31");
    expect(exported).toEqual(toBundleJson(normalized(withHorizon)));
    const again = await openDatabase(":memory:");
    await importBundle(again, JSON.parse(JSON.stringify(exported)), SYSTEM);
    expect(await exportBundle(again, "tiny")).toEqual(exported);

    const without = await openDatabase(":memory:");
    await importBundle(without, tinyValidBundle(), SYSTEM);
    expect((await exportBundle(without, "tiny")).program.factsUntil).toBeNull();
  });

  it("refuses an evidence horizon that is not a date", async () => {
    const db = await openDatabase(":memory:");
    const err = await refusal(async () => await importBundle(db, mutated((b) => (b.program.factsUntil = "end of 2024")), SYSTEM));
    expect(err.code).toBe("invalid");
    expect(JSON.stringify(err)).toContain("factsUntil");
    expect(await logCount(db)).toBe(0);
  });

  it("refuses to export an unknown program with not_found", async () => {
    const db = await openDatabase(":memory:");
    expect((await refusal(async () => await exportBundle(db, "nope"))).code).toBe("not_found");
  });

  it("property: export(import(b)) = normalized b, and a second round trip is identical", async () => {
    await fc.assert(
      fc.asyncProperty(validBundleArb, async (b) => {
        const expected = toBundleJson(normalized(b));
        const first = await openDatabase(":memory:");
        await importBundle(first, b, SYSTEM);
        const exported = await exportBundle(first, expected.program.slug);
        expect(exported).toEqual(expected);

        // Through JSON text, like a file, into another fresh database.
        const second = await openDatabase(":memory:");
        await importBundle(second, JSON.parse(JSON.stringify(exported)), SYSTEM);
        expect(await exportBundle(second, expected.program.slug)).toEqual(exported);
        first.$client.close();
        second.$client.close();
      }),
      { numRuns: 30 },
    );
  });

  it("keeps two programs apart in one database", async () => {
    const db = await openDatabase(":memory:");
    await importBundle(db, tinyValidBundle(), SYSTEM);
    const other = mutated((b) => {
      b.program.slug = "tiny-two";
      b.items.forEach((i) => (i.title = `${i.title} (two)`));
      b.claims = [];
    });
    await importBundle(db, other, SYSTEM);
    expect(await exportBundle(db, "tiny")).toEqual(toBundleJson(normalized(tinyValidBundle())));
    expect(await exportBundle(db, "tiny-two")).toEqual(toBundleJson(normalized(other)));
  });
});

describe.each(["memory", "file"] as const)("all or nothing (%s database)", (kind) => {
  let db: Db;
  beforeEach(async () => {
    db = await openDatabase(kind === "memory" ? ":memory:" : tmpFile("tracker.db"));
    await importBundle(db, tinyValidBundle(), SYSTEM);
    return () => db.$client.close();
  });

  /** Asserts `raw` is refused with `code` and an error at `path` containing `words`, and that nothing changed. */
  async function expectRefused(raw: unknown, code: string, path: string, ...words: string[]): Promise<FieldError[]> {
    const before = Buffer.from(db.$client.serialize());
    const entries = await logCount(db);
    for (const dryRun of [false, true]) {
      const error = await refusal(async () => await importBundle(db, raw, { actor: "ann@example.com", dryRun }));
      expect(error.code).toBe(code);
      const at = error.errors.find((e) => e.path === path);
      expect(at, `an error at ${path} among ${JSON.stringify(error.errors)}`).toBeDefined();
      for (const w of words) expect(at!.message).toContain(w);
    }
    const after = Buffer.from(db.$client.serialize());
    expect(after.equals(before), "database bytes unchanged").toBe(true);
    expect(await logCount(db)).toBe(entries);
    expect(await verifyLog(db)).toMatchObject({ ok: true, entries });
    return (await refusal(async () => await importBundle(db, raw, SYSTEM))).errors;
  }

  /** The tiny bundle under a new slug (so that only the intended rule is broken). */
  const fresh = (change: (b: TinyBundle) => void) =>
    mutated((b) => {
      b.program.slug = "tiny-next";
      change(b);
    });

  it("refuses a dependency cycle, naming it", async () => {
    await expectRefused(
      fresh((b) => (b.items[0]!.dependsOn = ["NET-02"])),
      "rule",
      "items[0].dependsOn",
      "dependency cycle: FND-01 -> NET-02 -> NET-01 -> FND-01",
    );
  });

  it("refuses a gate violation, naming the missing evidence", async () => {
    await expectRefused(fresh((b) => (b.transitions[1]!.evidence = [])), "rule", "transitions[1].evidence", "cannot enter build", "a design_doc");
  });

  it("refuses a four-eyes violation", async () => {
    await expectRefused(
      fresh((b) => (b.transitions[2]!.verifiedBy = "bob@example.com")),
      "rule",
      "transitions[2].verifiedBy",
      "four eyes",
      "bob@example.com",
    );
    await expectRefused(fresh((b) => (b.transitions[4]!.verifiedBy = "cat@example.com")), "rule", "transitions[4].verifiedBy", "owns this item");
  });

  it("refuses an unknown key", async () => {
    await expectRefused(fresh((b) => (b.items[3]!.dependsOn[0] = "NET-99")), "rule", "items[3].dependsOn[0]", 'unknown item key "NET-99"');
    await expectRefused(fresh((b) => (b.claims[0]!.links[0]!.item = "NET-99")), "rule", "claims[0].links[0].item", 'unknown item key "NET-99"');
  });

  it("refuses a slug that exists with conflict (409)", async () => {
    const errors = await expectRefused(tinyValidBundle(), "conflict", "program.slug", 'a program "tiny" already exists');
    expect(errors).toHaveLength(1);
    expect((await refusal(async () => await importBundle(db, tinyValidBundle(), SYSTEM))).status).toBe(409);
  });

  it("refuses malformed input before looking at the database", async () => {
    await expectRefused(fresh((b) => (b.transitions[0]!.effectiveAt = "2024-13-45")), "invalid", "transitions[0].effectiveAt", "must be a date");
    await expectRefused({ format: "offload-tracker/v1" }, "invalid", "program", "");
    await expectRefused("not a bundle", "invalid", "(bundle)", "");
  });

  it("rolls back a write that fails half-way through (nothing of it stays)", async () => {
    // A temporary trigger (it lives in the temp schema, not in the database itself) makes the
    // last kind of record the importer writes fail, after people, items, transitions, … were written.
    db.$client.exec("CREATE TEMP TRIGGER fail_events BEFORE INSERT ON main.events BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const before = Buffer.from(db.$client.serialize());
    const entries = await logCount(db);
    const bundle = fresh((b) => {
      b.people.push({ email: "dan@example.com", name: "Dana Levi" });
    });
    await expect(importBundle(db, bundle, SYSTEM)).rejects.toThrow(/disk on fire/);
    expect(Buffer.from(db.$client.serialize()).equals(before)).toBe(true);
    expect(await logCount(db)).toBe(entries);
    expect(db.$client.prepare("SELECT count(*) AS n FROM people WHERE email = 'dan@example.com'").get()).toEqual({ n: 0 });
    db.$client.exec("DROP TRIGGER temp.fail_events");
    await importBundle(db, bundle, SYSTEM);
    expect((await exportBundle(db, "tiny-next")).people.map((p) => p.email)).toContain("dan@example.com");
  });
});

describe("dry run", () => {
  it("writes nothing and returns the counts", async () => {
    const db = await openDatabase(":memory:");
    const before = Buffer.from(db.$client.serialize());
    const summary = await importBundle(db, tinyValidBundle(), { actor: null, dryRun: true });
    expect(summary).toEqual({
      program: "tiny",
      dryRun: true,
      counts: TINY_COUNTS,
    });
    expect(Buffer.from(db.$client.serialize()).equals(before)).toBe(true);
    expect(await logCount(db)).toBe(0);
    expect((await refusal(async () => await exportBundle(db, "tiny"))).code).toBe("not_found");
    // The same bundle, really imported, gives the same counts.
    expect((await importBundle(db, tinyValidBundle(), { actor: null })).counts).toEqual(summary.counts);
  });

  it("counts only people the database does not know as new", async () => {
    const db = await openDatabase(":memory:");
    await importBundle(db, tinyValidBundle(), SYSTEM);
    const other = mutated((b) => {
      b.program.slug = "tiny-two";
      b.people.push({ email: "dan@example.com", name: "Dana Levi" });
    });
    expect((await importBundle(db, other, { actor: null, dryRun: true })).counts).toMatchObject({ people: 4, newPeople: 1 });
  });
});

describe("every imported record is appended to the hash-chained log", () => {
  it("the tiny bundle appends 28 entries, chained", async () => {
    const db = await openDatabase(":memory:");
    await importBundle(db, tinyValidBundle(), { actor: "ann@example.com" });
    expect(expectedLogEntries(tinyValidBundle())).toBe(TINY_LOG_ENTRIES);
    const verdict = await verifyLog(db);
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

  it("property: entries = people created + program + members + items + edges + transitions + verifications + signals + claims + events + comments", async () => {
    await fc.assert(
      fc.asyncProperty(validBundleArb, validBundleArb, async (a, b) => {
        const db = await openDatabase(":memory:");
        await importBundle(db, a, SYSTEM);
        const afterA = expectedLogEntries(a);
        expect(await verifyLog(db)).toMatchObject({ ok: true, entries: afterA });
        // A second program chains on; people it shares with the first are not created again.
        if (normalized(b).program.slug === normalized(a).program.slug) return;
        const known = new Set(normalized(a).people.map((p) => p.email));
        const newPeople = normalized(b).people.filter((p) => !known.has(p.email)).length;
        await importBundle(db, b, SYSTEM);
        expect(await verifyLog(db)).toMatchObject({ ok: true, entries: afterA + expectedLogEntries(b, newPeople) });
        db.$client.close();
      }),
      { numRuns: 25 },
    );
  });
});

describe("the log is tamper-evident", () => {
  it("refuses UPDATE and DELETE on audit_log", async () => {
    const db = await openDatabase(":memory:");
    await importBundle(db, tinyValidBundle(), SYSTEM);
    expect(() => db.$client.exec("UPDATE audit_log SET payload = '{}' WHERE seq = 5")).toThrow(/append-only/);
    expect(() => db.$client.exec("DELETE FROM audit_log WHERE seq = 5")).toThrow(/append-only/);
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("names the altered entry as firstBad", async () => {
    const db = await openDatabase(":memory:");
    await importBundle(db, tinyValidBundle(), SYSTEM);
    const payload = (db.$client.prepare("SELECT payload FROM audit_log WHERE seq = 5").get() as { payload: string }).payload;
    expect(payload).toContain("a"); // so that the replace below changes something
    db.$client.exec("DROP TRIGGER audit_log_no_update");
    db.$client.exec("UPDATE audit_log SET payload = replace(payload, 'a', 'b') WHERE seq = 5");
    const verdict = await verifyLog(db);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBad).toEqual({ seq: 5, reason: expect.stringContaining("altered") });
    expect(verdict.entries).toBe(5);
  });

  it("names an entry whose payload no longer parses, or whose hash was recomputed without re-chaining", async () => {
    const db = await openDatabase(":memory:");
    await importBundle(db, tinyValidBundle(), SYSTEM);
    db.$client.exec("DROP TRIGGER audit_log_no_update");
    db.$client.exec("UPDATE audit_log SET payload = substr(payload, 2) WHERE seq = 9");
    expect((await verifyLog(db)).firstBad?.seq).toBe(9);

    const other = await openDatabase(":memory:");
    await importBundle(other, tinyValidBundle(), SYSTEM);
    other.$client.exec("DROP TRIGGER audit_log_no_update");
    // A forger rewrites entry 7's hash: entry 8's prevHash no longer matches.
    other.$client.exec("UPDATE audit_log SET hash = '" + "f".repeat(64) + "' WHERE seq = 7");
    expect((await verifyLog(other)).firstBad?.seq).toBe(7);
  });

  it("names the entry after a deleted one", async () => {
    const db = await openDatabase(":memory:");
    await importBundle(db, tinyValidBundle(), SYSTEM);
    db.$client.exec("DROP TRIGGER audit_log_no_delete");
    db.$client.exec("DELETE FROM audit_log WHERE seq = 12");
    expect(await verifyLog(db)).toMatchObject({ ok: false, firstBad: { seq: 13 } });
  });
});
