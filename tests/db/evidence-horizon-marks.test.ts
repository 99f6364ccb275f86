import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { getClaims } from "@/db/queries/get-claims";
import { getPortfolio } from "@/db/queries/get-portfolio";
import { getReadinessJson } from "@/db/queries/get-readiness";
import { getSchedule, getScheduleJson } from "@/db/queries/get-schedule";
import { toClaimReview } from "@/lib/claims/claim-review";
import { claimsToCsv, claimsToMarkdown } from "@/lib/claims/claims-export";
import { toCsv } from "@/lib/csv/to-csv";
import { SCHEDULE_CSV_COLUMNS, scheduleCsvRows } from "@/lib/schedule/schedule-csv";
import { toInstant } from "@/lib/time";
import { trackerInProcess } from "../support/cli-in-process";

const seedText = fs.readFileSync("db/seed/boost-offload.json", "utf8");
const TODAY = toInstant("2026-11-27", "end");
const HORIZON_END = toInstant("2024-12-31", "end");

let db: Db;
let plain: Db;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, JSON.parse(seedText), { actor: null });
  // The same program without a horizon: nothing is ever marked.
  plain = await openDatabase(":memory:");
  const bundle = JSON.parse(seedText) as { program: Record<string, unknown> };
  delete bundle.program.factsUntil;
  await importBundle(plain, bundle, { actor: null });
});
afterAll(() => {
  db.$client.close();
  plain.$client.close();
});

describe("readiness JSON", () => {
  it("is illustrative past the demo's horizon and not at it", async () => {
    const today = JSON.parse(await getReadinessJson(db, "boost-offload", TODAY, TODAY, null)) as Record<string, unknown>;
    expect(today).toMatchObject({ factsUntil: "2024-12-31", illustrative: true });
    const atHorizon = JSON.parse(await getReadinessJson(db, "boost-offload", HORIZON_END, TODAY, null)) as Record<string, unknown>;
    expect(atHorizon).toMatchObject({ factsUntil: "2024-12-31", illustrative: false });
  });

  it("gives each cut of the quality lists its own breaches, whichever was asked for first", async () => {
    type Answer = { quality: { breaches: unknown[] }; counts: { breaches: number } };
    const read = async (limit: number | "all" | null) => JSON.parse(await getReadinessJson(db, "boost-offload", TODAY, TODAY, limit)) as Answer;
    const whole = await read("all");
    expect(whole.counts.breaches).toBeGreaterThan(2);
    for (const limit of [2, 0, null, 1, "all"] as const) {
      const cut = await read(limit);
      expect(cut.quality.breaches).toEqual(typeof limit === "number" ? whole.quality.breaches.slice(0, limit) : whole.quality.breaches);
    }
  });

  it("never is without a horizon", async () => {
    expect(JSON.parse(await getReadinessJson(plain, "boost-offload", TODAY, TODAY, null))).toMatchObject({ factsUntil: null, illustrative: false });
  });
});

describe("schedule", () => {
  const csvRows = async (d: Db, at: number) => toCsv(SCHEDULE_CSV_COLUMNS, scheduleCsvRows(await getSchedule(d, "boost-offload", at, TODAY))).trimEnd().split("\r\n");

  it("is illustrative past the demo's horizon and not at it, in its memoised JSON and every CSV row", async () => {
    const today = JSON.parse(await getScheduleJson(db, "boost-offload", TODAY, TODAY)) as { items: unknown[] };
    expect(today).toMatchObject({ factsUntil: "2024-12-31", illustrative: true });
    expect(today.items).toHaveLength(64);
    expect(JSON.parse(await getScheduleJson(db, "boost-offload", HORIZON_END, TODAY))).toMatchObject({ factsUntil: "2024-12-31", illustrative: false });

    const [header, ...past] = await csvRows(db, TODAY);
    expect(header!.endsWith(",doneAt,illustrative")).toBe(true);
    expect(past).toHaveLength(64);
    for (const row of past) expect(row.endsWith(",true")).toBe(true);
    for (const row of (await csvRows(db, HORIZON_END)).slice(1)) expect(row.endsWith(",false")).toBe(true);
  });

  it("never is without a horizon", async () => {
    expect(JSON.parse(await getScheduleJson(plain, "boost-offload", TODAY, TODAY))).toMatchObject({ factsUntil: null, illustrative: false });
    for (const row of (await csvRows(plain, TODAY)).slice(1)) expect(row.endsWith(",false")).toBe(true);
  });
});

describe("claims", () => {
  it("mark the asOf verdict past the horizon, and the claim-date verdicts of claims made after it", async () => {
    const claims = (await getClaims(db, "boost-offload", TODAY, TODAY)).claims;
    for (const c of claims) {
      expect(c.factsUntil).toBe("2024-12-31");
      expect(c.illustrativeAsOf).toBe(true);
      expect(c.illustrativeAtClaimDate, c.id).toBe(c.date > "2024-12-31");
    }
    expect(claims.some((c) => c.illustrativeAtClaimDate)).toBe(true);
    expect((await getClaims(db, "boost-offload", HORIZON_END, TODAY)).claims.every((c) => !c.illustrativeAsOf)).toBe(true);
    expect((await getClaims(plain, "boost-offload", TODAY, TODAY)).claims.every((c) => !c.illustrativeAsOf && !c.illustrativeAtClaimDate && c.factsUntil === null)).toBe(true);
  });

  it("say so in the CSV columns and the Markdown", async () => {
    const claims = (await getClaims(db, "boost-offload", TODAY, TODAY)).claims;
    const [header, first] = claimsToCsv(claims).split("\r\n");
    expect(header).toContain("factsUntil,illustrativeAtClaimDate,illustrativeAsOf");
    expect(first).toMatch(/,2024-12-31,(true|false),true$/);
    const md = claimsToMarkdown("Boost", claims, "2026-11-27");
    expect(md).toContain("Evidence horizon: facts until 2024-12-31");
    expect(md).toContain("(illustrative)");
    const plainMd = claimsToMarkdown("Boost", (await getClaims(plain, "boost-offload", TODAY, TODAY)).claims, "2026-11-27");
    expect(plainMd).not.toContain("illustrative");
  });
});

describe("ClaimReview", () => {
  const review = async (d: Db, at = TODAY) =>
    (await getClaims(d, "boost-offload", at, at)).claims.map((c) => ({ c, r: toClaimReview(c, `https://tracker.example/claims/${c.id}`, "2026-11-27")! }));

  it("says illustrative exactly for a claim made after the horizon, in a field and in words", async () => {
    const reviews = await review(db);
    expect(reviews.some(({ c }) => c.date > "2024-12-31")).toBe(true);
    expect(reviews.some(({ c }) => c.date <= "2024-12-31")).toBe(true);
    for (const { c, r } of reviews) {
      const after = c.date > "2024-12-31";
      expect(r, c.id).toMatchObject({ factsUntil: "2024-12-31", illustrative: after });
      if (after) expect(r.reviewRating.ratingExplanation).toContain(`Illustrative: ${c.date} is after the program's evidence horizon (facts until 2024-12-31)`);
      else expect(r.reviewRating.ratingExplanation).not.toContain("llustrative");
    }
  });

  it("never does without a horizon", async () => {
    for (const { r } of await review(plain)) expect(r).toMatchObject({ factsUntil: null, illustrative: false });
  });
});

describe("portfolio", () => {
  it("marks the demo's row past the horizon and its latest claim made after it; at the horizon, neither", async () => {
    const today = (await getPortfolio(db, TODAY, TODAY)).find((p) => p.slug === "boost-offload")!;
    expect(today).toMatchObject({ factsUntil: "2024-12-31", illustrative: true });
    expect(today.latestClaim).toMatchObject({ illustrativeAtClaimDate: true });
    const atHorizon = (await getPortfolio(db, HORIZON_END, TODAY)).find((p) => p.slug === "boost-offload")!;
    expect(atHorizon).toMatchObject({ factsUntil: "2024-12-31", illustrative: false });
    expect(atHorizon.latestClaim!.date <= "2024-12-31").toBe(true);
    expect(atHorizon.latestClaim).toMatchObject({ illustrativeAtClaimDate: false });
    expect((await getPortfolio(plain, TODAY, TODAY))[0]).toMatchObject({ factsUntil: null, illustrative: false });
  });
});

describe("CLI readiness, claims and status", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-horizon-cli-"));
  const file = path.join(dir, "tracker.db");
  beforeAll(async () => {
    const d = await openDatabase(file);
    await importBundle(d, JSON.parse(seedText), { actor: null });
    d.$client.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cli = async (...args: string[]) => {
    const r = await trackerInProcess(file, args);
    expect(r.stderr, args.join(" ")).toBe("");
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it("say illustrative on every figure line past the horizon, in text, and not at it", async () => {
    const today = (await cli("readiness", "boost-offload")).trimEnd().split("\n");
    expect(today[1]).toBe("illustrative: figures computed for a date after the evidence horizon (facts until 2024-12-31): invented continuation, not fact");
    for (const line of [today[0], ...today.slice(2)]) expect(line).toMatch(/ \(illustrative\)$/);
    expect(today.find((l) => l.startsWith("done (verified): "))).toBeDefined();

    const atHorizon = await cli("readiness", "boost-offload", "--as-of", "2024-12-31");
    expect(atHorizon).toContain("boost-offload as of 2024-12-31\n");
    expect(atHorizon).toContain("done (verified): 0 of 64 (0.0 %)");
    expect(atHorizon).not.toContain("illustrative");

    const status = (await cli("status", "boost-offload")).trimEnd().split("\n");
    expect(status[1]).toContain("illustrative: statuses computed for a date after the evidence horizon (facts until 2024-12-31)");
    expect(status.slice(2)).toHaveLength(64);
    for (const line of status.slice(2)) expect(line).toMatch(/^[A-Z]+-\d+\t[a-z_]+\t[a-z_]+\t[a-z,-]+ \(illustrative\)$/);
    expect(await cli("status", "boost-offload", "--as-of", "2024-12-31")).not.toContain("illustrative");

    // A claim's verdicts on its own date are illustrative only when it was made after the horizon.
    const claims = (await cli("claims", "boost-offload", "--as-of", "2024-12-31")).trimEnd().split("\n");
    expect(claims[0]).toMatch(/^illustrative: /);
    for (const line of claims.slice(1)) {
      const date = line.slice(0, 10);
      expect(/at its date: [a-z ]+ \(illustrative\)/.test(line), line).toBe(date > "2024-12-31");
      expect(line).toMatch(/as of 2024-12-31: [a-z ]+$/);
    }
  });

  it("say so in JSON: readiness and status carry factsUntil and illustrative, each claim its own marks", async () => {
    expect(JSON.parse(await cli("readiness", "boost-offload", "--json"))).toMatchObject({ factsUntil: "2024-12-31", illustrative: true });
    expect(JSON.parse(await cli("readiness", "boost-offload", "--json", "--as-of", "2024-12-31"))).toMatchObject({ illustrative: false, total: 64, done: 0 });
    const status = JSON.parse(await cli("status", "boost-offload", "--json", "--as-of", "2025-06-30"));
    expect(status).toMatchObject({ program: "boost-offload", asOf: "2025-06-30", factsUntil: "2024-12-31", illustrative: true });
    expect(status.items).toHaveLength(64);
    const claims = JSON.parse(await cli("claims", "boost-offload", "--json")) as { date: string; illustrativeAsOf: boolean; illustrativeAtClaimDate: boolean }[];
    expect(claims).toHaveLength(7);
    for (const c of claims) expect(c).toMatchObject({ illustrativeAsOf: true, illustrativeAtClaimDate: c.date > "2024-12-31" });
  });

  it("refuse a malformed date in the flag's own words, writing nothing", async () => {
    const r = await trackerInProcess(file, ["readiness", "boost-offload", "--as-of", "2024-13-45"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("error: --as-of must be a date YYYY-MM-DD or an ISO 8601 datetime such as 2024-02-01T09:00:00Z\n");
    const unknown = await trackerInProcess(file, ["claims", "no-such-program"]);
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toContain('no program "no-such-program"');
  });
});
