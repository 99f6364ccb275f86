import { describe, expect, it } from "vitest";
import { asOfPresets, MAX_CLAIM_DATES, MAX_QUARTERS } from "@/lib/dashboard/as-of-presets";
import { toInstant } from "@/lib/time";

const NOW = toInstant("2026-11-30", "start");

describe("asOfPresets", () => {
  it("starts with today, then past quarter ends, claims and the target in date order, each date once", () => {
    const p = asOfPresets({
      now: NOW,
      since: toInstant("2025-02-01", "start"),
      claims: [
        { date: "2025-09-30", speaker: "CEO" },
        { date: "2025-05-02", speaker: "CTO" },
      ],
      target: toInstant("2027-03-31", "start"),
    });
    expect(p[0]).toEqual({ label: "Today", date: null, kind: "today" });
    const dated = p.slice(1);
    expect(dated.map((x) => x.date)).toEqual(["2025-03-31", "2025-05-02", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30", "2027-03-31"]);
    // On a shared date the claim wins over the quarter end.
    expect(dated.find((x) => x.date === "2025-09-30")).toEqual({ label: "CEO, 2025-09-30", date: "2025-09-30", kind: "claim" });
    expect(dated.at(-1)).toEqual({ label: "Target 2027-03-31", date: "2027-03-31", kind: "target" });
    expect(dated.find((x) => x.date === "2026-09-30")!.label).toBe("End of Q3 2026");
  });

  it("offers at most eight quarter ends, none in the current quarter, also for an empty program", () => {
    const p = asOfPresets({ now: NOW, since: toInstant("2020-01-01", "start"), claims: [], target: null });
    expect(p.filter((x) => x.kind === "quarter")).toHaveLength(MAX_QUARTERS);
    expect(p.every((x) => x.date === null || x.date < "2026-10-01")).toBe(true);
    const empty = asOfPresets({ now: NOW, since: null, claims: [], target: null });
    expect(empty[0]!.kind).toBe("today");
    expect(empty.filter((x) => x.kind === "quarter")).toHaveLength(MAX_QUARTERS);
  });

  it("offers the dates of the latest eight claims only, however many claims the program has", () => {
    const claims = Array.from({ length: 30 }, (_, i) => ({ date: `2024-${String((i % 12) + 1).padStart(2, "0")}-${String(Math.floor(i / 12) + 10)}`, speaker: `S${i}` }));
    const offered = asOfPresets({ now: NOW, since: null, claims, target: null }).filter((x) => x.kind === "claim").map((x) => x.date);
    const latest = claims.map((c) => c.date).sort().slice(-MAX_CLAIM_DATES);
    expect(offered).toEqual(latest);
  });
});
