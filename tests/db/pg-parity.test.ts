/**
 * The same answers on both databases: the demo program imported into SQLite and into PostgreSQL
 * 15 (a throwaway server), then every read the pages, the API and the CLI make, compared answer
 * for answer. The clock is fixed, so the two logs hash alike. db/schema.ts picks its tables when
 * first loaded: each database gets the modules fresh, after DATABASE_URL names it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLocalPostgres, type LocalPostgres } from "../support/local-postgres";

const NOW = Date.parse("2026-11-29T12:00:00.000Z");
const DEMO = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db/seed/boost-offload.json"), "utf8")) as unknown;

type Answers = Record<string, unknown>;

async function answersOn(databaseUrl: string): Promise<Answers> {
  process.env.DATABASE_URL = databaseUrl;
  vi.resetModules();
  const { openDatabase, closeDatabase } = await import("@/db/index");
  const { importBundle } = await import("@/db/import-bundle");
  const { exportBundle } = await import("@/db/export-bundle");
  const { verifyLog } = await import("@/db/verify-log");
  const q = {
    ...(await import("@/db/queries/get-readiness")),
    ...(await import("@/db/queries/get-dashboard")),
    ...(await import("@/db/queries/get-item-detail")),
    ...(await import("@/db/queries/query-items")),
    ...(await import("@/db/queries/get-claims")),
    ...(await import("@/db/queries/get-schedule")),
    ...(await import("@/db/queries/get-status-series")),
    ...(await import("@/db/queries/list-log-entries")),
    ...(await import("@/db/queries/get-weekly-report")),
    ...(await import("@/db/queries/list-report-weeks")),
    ...(await import("@/db/queries/open-my-work")),
    ...(await import("@/db/queries/list-awaiting-review")),
    ...(await import("@/db/queries/count-nav")),
    ...(await import("@/db/queries/get-portfolio")),
    ...(await import("@/db/queries/list-programs")),
    ...(await import("@/db/queries/list-rejected-transitions")),
    ...(await import("@/db/queries/recent-verifications")),
  };
  const { people } = await import("@/db/schema");
  const db = await openDatabase(databaseUrl);
  const answers: Answers = {};
  const probe = async (name: string, read: () => Promise<unknown>) => {
    try {
      answers[name] = JSON.parse(JSON.stringify(await read())) as unknown;
    } catch (error) {
      answers[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  };
  try {
    const { program: slug } = await importBundle(db, DEMO, { actor: null });
    const { programs } = await import("@/db/schema");
    const [program] = await db.select({ id: programs.id }).from(programs).where(eq(programs.slug, slug));
    const everyone = await db.select().from(people).orderBy(people.id);
    await probe("items", () => q.queryItems(db, slug, { limit: 1000 } as never, NOW));
    const listed = (answers.items as { items?: { key: string }[] }).items ?? [];
    const keys = listed.map((i) => i.key);
    await probe("programs", () => q.listPrograms(db));
    await probe("readiness", () => q.getReadinessJson(db, slug, NOW, NOW, "all"));
    await probe("dashboard", () => q.getDashboard(db, slug, NOW, NOW));
    for (const key of keys.slice(0, 6)) await probe(`item ${key}`, () => q.getItemDetail(db, slug, key, NOW, NOW, "admin"));
    await probe("claims", () => q.getClaims(db, slug, NOW, NOW));
    await probe("schedule", () => q.getScheduleJson(db, slug, NOW, NOW));
    await probe("status series", () => q.getStatusSeries(db, slug, NOW, NOW));
    await probe("log", () => q.listLogEntries(db, { program: slug, limit: 50 } as never));
    await probe("report weeks", () => q.listReportWeeks(db, slug, { now: NOW }));
    await probe("weekly report", async () => (await q.getWeeklyReport(db, slug, "2026-W47", NOW)).markdown);
    await probe("portfolio", () => q.getPortfolio(db, NOW, NOW));
    await probe("recent verifications", () => q.recentVerifications(db, program!.id, NOW, NOW));
    for (const person of everyone.slice(0, 4)) {
      await probe(`nav counts ${person.email}`, () => q.countNav(db, person, NOW));
      await probe(`awaiting review ${person.email}`, () => q.listAwaitingReview(db, { viewer: person, now: NOW }));
      await probe(`rejected ${person.email}`, () => q.listRejectedTransitions(db, { reporter: person.id, knownAt: NOW } as never));
      // Without `since`: it starts at the account's created_at, which each database's own clock set.
      await probe(`my work ${person.email}`, async () => ({ ...(await q.openMyWork(db, person, () => NOW)), since: undefined }));
    }
    await probe("bundle", () => exportBundle(db, slug));
    await probe("chain", () => verifyLog(db));
  } finally {
    await closeDatabase(db);
  }
  return answers;
}

let server: LocalPostgres;
let sqlite: Answers;
let postgres: Answers;
const before = process.env.DATABASE_URL;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-parity-"));
  sqlite = await answersOn(path.join(dir, "parity.db"));
  server = await startLocalPostgres();
  postgres = await answersOn(await server.createDatabase("parity"));
  fs.rmSync(dir, { recursive: true, force: true });
}, 180_000);

afterAll(() => {
  vi.useRealTimers();
  if (before === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = before;
  server?.stop();
});

describe("the demo program on PostgreSQL reads as on SQLite", () => {
  it("answers every read", () => {
    const failed = Object.entries(sqlite).filter(([, a]) => (a as { error?: string }).error);
    expect(failed, "reads that fail on SQLite").toEqual([]);
    expect(Object.keys(postgres)).toEqual(Object.keys(sqlite));
  });

  it.each(["programs", "readiness", "dashboard", "items", "claims", "schedule", "status series", "log", "report weeks", "weekly report", "portfolio", "recent verifications", "bundle", "chain"])(
    "%s",
    (name) => {
      expect(postgres[name]).toEqual(sqlite[name]);
    },
  );

  it("items, review queues, rejections, counts and My work of each person", () => {
    const personal = Object.keys(sqlite).filter((k) => /^(item |nav counts|awaiting review|rejected|my work)/.test(k));
    expect(personal.length).toBeGreaterThan(10);
    for (const name of personal) expect(postgres[name], name).toEqual(sqlite[name]);
  });
});
