import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VERDICTS, type Verdict } from "@/lib/claims/claim-verdict";
import { claimSpeakers, filterClaims, parseClaimListQuery } from "@/lib/claims/claim-list-query";

const c = (id: string, date: string, speaker: string, verdictAtClaimDate: Verdict) => ({ id, date, speaker, verdictAtClaimDate });
const CLAIMS = [
  c("a", "2023-05-11", "Azure", "contradicted"),
  c("b", "2024-11-19", "CTO", "unsupported"),
  c("c", "2023-11-15", "Azure", "unsupported"),
  c("d", "2023-11-15", "Docs", "contradicted"),
];

describe("parseClaimListQuery", () => {
  it("defaults to every claim, newest first; empty values mean any", () => {
    expect(parseClaimListQuery({})).toEqual({ query: { dir: "desc" }, error: null });
    expect(parseClaimListQuery({ verdict: "", speaker: "", dir: "" })).toEqual({ query: { dir: "desc" }, error: null });
  });

  it("reads verdict, speaker and direction", () => {
    expect(parseClaimListQuery({ verdict: "contradicted", speaker: "Azure", dir: "asc" }).query).toEqual({
      verdict: "contradicted",
      speaker: "Azure",
      dir: "asc",
    });
  });

  it("reports a malformed value in words and falls back to the whole list", () => {
    const r = parseClaimListQuery({ verdict: "false", dir: "sideways" });
    expect(r.query).toEqual({ dir: "desc" });
    expect(r.error).toContain("verdict: must be one of supported");
    expect(r.error).toContain("dir: must be asc or desc");
  });
});

describe("filterClaims", () => {
  it("sorts by date, ties by id, in either direction", () => {
    expect(filterClaims(CLAIMS, { dir: "asc" }).map((x) => x.id)).toEqual(["a", "c", "d", "b"]);
    expect(filterClaims(CLAIMS, { dir: "desc" }).map((x) => x.id)).toEqual(["b", "d", "c", "a"]);
  });

  it("filters by the verdict on the claim's date and by speaker", () => {
    expect(filterClaims(CLAIMS, { dir: "asc", verdict: "contradicted" }).map((x) => x.id)).toEqual(["a", "d"]);
    expect(filterClaims(CLAIMS, { dir: "asc", speaker: "Azure" }).map((x) => x.id)).toEqual(["a", "c"]);
    expect(filterClaims(CLAIMS, { dir: "asc", speaker: "Azure", verdict: "unsupported" }).map((x) => x.id)).toEqual(["c"]);
    expect(filterClaims(CLAIMS, { dir: "asc", speaker: "Nobody" })).toEqual([]);
  });

  it("keeps exactly the matching claims, and one direction is the other reversed", () => {
    const claimArb = fc.record({
      id: fc.uuid(),
      date: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      speaker: fc.constantFrom("A", "B", "C"),
      verdictAtClaimDate: fc.constantFrom(...VERDICTS),
    });
    fc.assert(
      fc.property(fc.uniqueArray(claimArb, { selector: (x) => x.id, maxLength: 20 }), fc.option(fc.constantFrom(...VERDICTS), { nil: undefined }), (claims, verdict) => {
        const asc = filterClaims(claims, { dir: "asc", verdict });
        const desc = filterClaims(claims, { dir: "desc", verdict });
        expect(asc.length).toBe(claims.filter((x) => !verdict || x.verdictAtClaimDate === verdict).length);
        expect(desc).toEqual([...asc].reverse());
        for (let i = 1; i < asc.length; i++) expect(asc[i - 1]!.date <= asc[i]!.date).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("claimSpeakers", () => {
  it("lists each speaker once, alphabetically", () => {
    expect(claimSpeakers(CLAIMS)).toEqual(["Azure", "CTO", "Docs"]);
  });
});
