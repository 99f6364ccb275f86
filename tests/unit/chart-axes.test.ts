import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupClaimMarks, type ClaimMark } from "@/lib/charts/claim-marks";
import { timeTicks } from "@/lib/charts/time-ticks";

const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
const DAY = 86_400_000;

describe("timeTicks", () => {
  it("never repeats a label, stays inside the axis and keeps to the most asked for", () => {
    const start = t("2015-01-01");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 3, max: 10 }), (from, days, most) => {
        const min = start + from * DAY;
        const max = min + days * DAY;
        const ticks = timeTicks(min, max, most);
        expect(new Set(ticks.map((k) => k.label)).size).toBe(ticks.length);
        expect(ticks.length).toBeLessThanOrEqual(most);
        for (const k of ticks) expect(k.t >= min && k.t <= max).toBe(true);
      }),
    );
  });

  it("puts every tick on the first of a month, aligned to its step, and misses none between", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 5000 }), (from, days) => {
        const min = t("1990-01-01") + from * DAY + (from % 7) * 3_600_000;
        const max = min + days * DAY;
        const ticks = timeTicks(min, max);
        // Fewer than two ticks, or an axis within one month (its two ends by day): nothing to align.
        if (ticks.length < 2 || ticks[0]!.label.length === 10) return;
        const months = ticks.map((k) => {
          const d = new Date(k.t);
          expect(d.getUTCDate()).toBe(1);
          expect(d.getUTCHours()).toBe(0);
          return d.getUTCFullYear() * 12 + d.getUTCMonth();
        });
        const step = months[1]! - months[0]!;
        months.forEach((m, i) => {
          expect(m % Math.min(step, 12)).toBe(0);
          if (i > 0) expect(m - months[i - 1]!).toBe(step);
        });
        // No aligned month start was skipped before the first tick or after the last.
        const start = (m: number) => Date.UTC(Math.floor(m / 12), m % 12, 1);
        expect(start(months[0]! - Math.min(step, 12))).toBeLessThan(min);
        expect(start(months.at(-1)! + step)).toBeGreaterThan(max);
      }),
    );
  });

  it("labels months on a short axis and years on a long one", () => {
    expect(timeTicks(t("2024-01-15"), t("2024-06-20")).map((k) => k.label)).toEqual(["2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]);
    expect(timeTicks(t("2019-03-01"), t("2025-01-01")).map((k) => k.label)).toEqual(["2020", "2021", "2022", "2023", "2024", "2025"]);
  });
});

const claim = (id: string, date: string, verdict: ClaimMark["verdict"] = "supported"): ClaimMark => ({ id, date, speaker: `S-${id}`, verdict });

describe("groupClaimMarks", () => {
  it("groups claims closer than the gap, is coloured by the worst verdict and names each claim", () => {
    const groups = groupClaimMarks(
      [claim("b", "2024-01-05", "contradicted"), claim("a", "2024-01-01"), claim("c", "2024-06-01", "partly_supported")],
      t("2023-01-01"),
      t("2025-01-01"),
      14 * DAY,
    );
    expect(groups.map((g) => g.claims.map((c) => c.id))).toEqual([["a", "b"], ["c"]]);
    expect(groups[0]!.verdict).toBe("contradicted");
    expect(groups[0]!.label).toBe("2024-01-01 S-a: supported; 2024-01-05 S-b: contradicted");
    expect(groups[1]!.label).toBe("2024-06-01 S-c: partly supported");
  });

  it("keeps every claim in range exactly once, and markers at least the gap apart", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 30 }), fc.integer({ min: 1, max: 60 }), (days, gapDays) => {
        const claims = days.map((d, i) => claim(`c${i}`, new Date(t("2022-01-01") + d * DAY).toISOString().slice(0, 10)));
        const groups = groupClaimMarks(claims, t("2022-01-01"), t("2022-01-01") + 700 * DAY, gapDays * DAY);
        const ids = groups.flatMap((g) => g.claims.map((c) => c.id)).sort();
        expect(ids).toEqual(claims.filter((_, i) => days[i]! <= 700).map((c) => c.id).sort());
        groups.forEach((g, i) => i > 0 && expect(g.t - groups[i - 1]!.t).toBeGreaterThanOrEqual(gapDays * DAY));
      }),
    );
  });
});
