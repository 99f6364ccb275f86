import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { getReadiness } from "@/db/queries/get-readiness";
import { loadClaims } from "@/db/queries/load-claims";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { evaluateClaims } from "@/lib/claims/evaluate-claims";
import { NO_THROUGHPUT_REASON } from "@/lib/readiness/forecast";
import { toInstant } from "@/lib/time";

interface SeedBundle {
  program: { slug: string };
  items: { key: string; area: string; owner?: string | null; identifiedAt: string }[];
  claims: { id: string; date: string }[];
}

const seedText = fs.readFileSync(path.resolve(process.cwd(), "db/seed/boost-offload.json"), "utf8");
const seed = JSON.parse(seedText) as SeedBundle;
const SLUG = "boost-offload";
const asOf = toInstant("2024-12-31", "end");
const knownAt = toInstant("2030-01-01", "end");

let db: Db;

beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, JSON.parse(seedText), { actor: null });
});
afterAll(() => db.$client.close());

describe("the demo program at 2024-12-31 (end of day)", () => {
  it("has its evidence horizon at 2024-12-31: the public account ends there", () => {
    expect((seed.program as { factsUntil?: string }).factsUntil).toBe("2024-12-31");
  });

  it("has 64 items, none done, 58-62 not started (true status)", async () => {
    const r = await getReadiness(db, SLUG, asOf, knownAt);
    expect(r.asOf).toBe("2024-12-31");
    expect(r.total).toBe(64);
    expect(r.done).toBe(0);
    expect(r.readiness).toBe(0);
    expect(r.effortReadiness).toBe(0);
    expect(r.byStatus.true.not_started).toBeGreaterThanOrEqual(58);
    expect(r.byStatus.true.not_started).toBeLessThanOrEqual(62);
    expect(r.byStatus.true.done).toBe(0);
  });

  it("looks better in reported status than in true status: some items are inflated", async () => {
    const r = await getReadiness(db, SLUG, asOf, knownAt);
    expect(r.inflated.length).toBeGreaterThan(0);
    for (const i of r.inflated) expect(["not_started", "design", "build", "validate", "rollout", "done"].indexOf(i.reported)).toBeGreaterThan(
      ["not_started", "design", "build", "validate", "rollout", "done"].indexOf(i.true),
    );
    expect(r.byStatus.reported.not_started).toBeLessThan(r.byStatus.true.not_started);
  });

  it("has no forecast, and says why", async () => {
    const r = await getReadiness(db, SLUG, asOf, knownAt);
    expect(r.forecast.date).toBeNull();
    expect(r.forecast.reason).toBe(NO_THROUGHPUT_REASON);
    expect(r.forecast.sample.every((w) => w.done === 0)).toBe(true);
  });

  it("has foundations blocking the rest, a long critical path and some unowned items", async () => {
    const r = await getReadiness(db, SLUG, asOf, knownAt);
    expect(r.blocked.length).toBeGreaterThan(0);
    expect(r.criticalPath.keys.length).toBeGreaterThan(1);
    expect(r.criticalPath.remainingWeeks).toBeGreaterThan(0);
    expect(r.earliestByDependencies > "2024-12-31").toBe(true);
    expect(r.quality.unowned.length).toBeGreaterThan(0);
  });

  it("gives the same answer through the DB as from the bundle's own numbers", async () => {
    const history = await loadProgramHistory(db, SLUG);
    expect(history.items).toHaveLength(seed.items.length);
    expect(history.items.filter((i) => i.owner === null).map((i) => i.key).sort()).toEqual(
      seed.items.filter((i) => !i.owner).map((i) => i.key).sort(),
    );
  });
});

describe("the demo claims", () => {
  it("every claim dated 2023-2024 is contradicted or unsupported at its own date", async () => {
    const history = await loadProgramHistory(db, SLUG);
    const claims = await loadClaims(db, history.program);
    expect(claims.length).toBe(seed.claims.length);
    const evaluated = evaluateClaims(claims, history.items, asOf, knownAt);
    const early = evaluated.filter((c) => c.date >= "2023-01-01" && c.date <= "2024-12-31");
    expect(early.length).toBeGreaterThan(0);
    for (const c of early) {
      expect(c.linked, c.id).toBeGreaterThan(0);
      expect(["contradicted", "unsupported"], `${c.id}: ${c.verdictAtClaimDate}`).toContain(c.verdictAtClaimDate);
      // the records of the day said no better
      expect(["contradicted", "unsupported"], `${c.id} known then`).toContain(c.verdictKnownThen);
    }
  });
});

describe("the demo bundle itself", () => {
  it("has 64 items in about eight areas, some unowned, all identified in late 2023", () => {
    expect(seed.program.slug).toBe(SLUG);
    expect(seed.items).toHaveLength(64);
    const areas = new Set(seed.items.map((i) => i.area));
    expect(areas.size).toBeGreaterThanOrEqual(7);
    expect(areas.size).toBeLessThanOrEqual(9);
    expect(seed.items.some((i) => !i.owner)).toBe(true);
    for (const i of seed.items) {
      expect(i.identifiedAt >= "2023-09-01", `${i.key} ${i.identifiedAt}`).toBe(true);
      expect(i.identifiedAt <= "2023-12-31", `${i.key} ${i.identifiedAt}`).toBe(true);
    }
  });
});
