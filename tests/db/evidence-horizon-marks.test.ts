import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { getClaims } from "@/db/queries/get-claims";
import { getReadinessJson } from "@/db/queries/get-readiness";
import { claimsToCsv, claimsToMarkdown } from "@/lib/claims/claims-export";
import { toInstant } from "@/lib/time";

const seedText = fs.readFileSync("db/seed/boost-offload.json", "utf8");
const TODAY = toInstant("2026-11-27", "end");
const HORIZON_END = toInstant("2024-12-31", "end");

let db: Db;
let plain: Db;
beforeAll(() => {
  db = openDatabase(":memory:");
  importBundle(db, JSON.parse(seedText), { actor: null });
  // The same program without a horizon: nothing is ever marked.
  plain = openDatabase(":memory:");
  const bundle = JSON.parse(seedText) as { program: Record<string, unknown> };
  delete bundle.program.factsUntil;
  importBundle(plain, bundle, { actor: null });
});
afterAll(() => {
  db.$client.close();
  plain.$client.close();
});

describe("readiness JSON", () => {
  it("is illustrative past the demo's horizon and not at it", () => {
    const today = JSON.parse(getReadinessJson(db, "boost-offload", TODAY, TODAY, null)) as Record<string, unknown>;
    expect(today).toMatchObject({ factsUntil: "2024-12-31", illustrative: true });
    const atHorizon = JSON.parse(getReadinessJson(db, "boost-offload", HORIZON_END, TODAY, null)) as Record<string, unknown>;
    expect(atHorizon).toMatchObject({ factsUntil: "2024-12-31", illustrative: false });
  });

  it("never is without a horizon", () => {
    expect(JSON.parse(getReadinessJson(plain, "boost-offload", TODAY, TODAY, null))).toMatchObject({ factsUntil: null, illustrative: false });
  });
});

describe("claims", () => {
  it("mark the asOf verdict past the horizon, and the claim-date verdicts of claims made after it", () => {
    const claims = getClaims(db, "boost-offload", TODAY, TODAY).claims;
    for (const c of claims) {
      expect(c.factsUntil).toBe("2024-12-31");
      expect(c.illustrativeAsOf).toBe(true);
      expect(c.illustrativeAtClaimDate, c.id).toBe(c.date > "2024-12-31");
    }
    expect(claims.some((c) => c.illustrativeAtClaimDate)).toBe(true);
    expect(getClaims(db, "boost-offload", HORIZON_END, TODAY).claims.every((c) => !c.illustrativeAsOf)).toBe(true);
    expect(getClaims(plain, "boost-offload", TODAY, TODAY).claims.every((c) => !c.illustrativeAsOf && !c.illustrativeAtClaimDate && c.factsUntil === null)).toBe(true);
  });

  it("say so in the CSV columns and the Markdown", () => {
    const claims = getClaims(db, "boost-offload", TODAY, TODAY).claims;
    const [header, first] = claimsToCsv(claims).split("\r\n");
    expect(header).toContain("factsUntil,illustrativeAtClaimDate,illustrativeAsOf");
    expect(first).toMatch(/,2024-12-31,(true|false),true$/);
    const md = claimsToMarkdown("Boost", claims, "2026-11-27");
    expect(md).toContain("Evidence horizon: facts until 2024-12-31");
    expect(md).toContain("(illustrative)");
    const plainMd = claimsToMarkdown("Boost", getClaims(plain, "boost-offload", TODAY, TODAY).claims, "2026-11-27");
    expect(plainMd).not.toContain("illustrative");
  });
});
