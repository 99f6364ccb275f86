import { describe, expect, it } from "vitest";
import { headlineSentence, headlineText } from "@/lib/dashboard/headline-sentence";
import type { Readiness } from "@/lib/readiness/compute-readiness";
import { emptyStatusCounts, type Status } from "@/lib/status";

const counts = (c: Partial<Record<Status, number>>) => ({ ...emptyStatusCounts(), ...c });
const sample = (done: number) => Array.from({ length: 12 }, (_, i) => ({ week: `W${i}`, done: i === 11 ? done : 0 }));

function readiness(over: Partial<Readiness> = {}): Readiness {
  return {
    asOf: "2024-12-31",
    total: 64,
    done: 0,
    reportedDone: 0,
    byStatus: { true: counts({ not_started: 60, design: 4 }), reported: counts({ not_started: 50, design: 10, build: 4 }) },
    earliestByDependencies: "2026-03-01",
    forecast: { date: null, reason: "no verified completion", sample: sample(0) },
    ...over,
  } as Readiness;
}

describe("headlineSentence", () => {
  it("says done and started, verified against reported, and marks an inflation as bad", () => {
    const c = headlineSentence({ readiness: readiness({ reportedDone: 2 }), claims: [], target: null });
    expect(c[0]).toEqual({ text: "0 of 64 items verified done (2 reported done)", bad: true });
    expect(c[1]).toEqual({ text: "4 verified started, 14 reported started", bad: true });
  });

  it("counts only the claims made by asOf, and how many were contradicted on their date", () => {
    const claims = [
      { date: "2023-11-15", verdictAtClaimDate: "contradicted" as const },
      { date: "2024-05-01", verdictAtClaimDate: "partly_supported" as const },
      { date: "2025-03-01", verdictAtClaimDate: "contradicted" as const },
    ];
    const c = headlineSentence({ readiness: readiness(), claims, target: null });
    expect(c[2]).toEqual({ text: "1 of 2 public claims contradicted on their date", bad: true });
    expect(headlineSentence({ readiness: readiness(), claims: claims.slice(1, 2), target: null })[2]).toEqual({
      text: "0 of 1 public claim contradicted on its date",
      bad: false,
    });
    expect(headlineSentence({ readiness: readiness(), claims: claims.slice(2), target: null })[2]!.text).toBe("no public claim made by then");
  });

  it("says why there is no forecast, and gives the forecast when there is one", () => {
    const none = headlineSentence({ readiness: readiness(), claims: [], target: null });
    expect(none.at(-1)).toEqual({ text: "no forecast: nothing verified done in the last 12 weeks", bad: true });
    const some = headlineSentence({
      readiness: readiness({ forecast: { date: "2026-05-03", reason: null, sample: sample(3) } as Readiness["forecast"] }),
      claims: [],
      target: null,
    });
    expect(some.at(-1)).toEqual({ text: "forecast (P85) 2026-05-03, no earlier than 2026-03-01 by dependencies", bad: false });
  });

  it("closes with the target outlook, and reads as one line", () => {
    const c = headlineSentence({ readiness: readiness(), claims: [], target: { target: "2025-06-30", kind: "impossible", earliestByDependencies: "2026-03-01" } });
    expect(c.at(-1)!.bad).toBe(true);
    expect(headlineText("2024-12-31", c)).toMatch(/^As of 2024-12-31: 0 of 64 items verified done \(0 reported done\) · .* · the 2025-06-30 target is impossible by dependencies/);
  });

  it("has no forecast clause once every item is verified done", () => {
    const c = headlineSentence({ readiness: readiness({ total: 3, done: 3, reportedDone: 3 }), claims: [], target: null });
    expect(c.some((x) => x.text.includes("forecast"))).toBe(false);
  });
});
