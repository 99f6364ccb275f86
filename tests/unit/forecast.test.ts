import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeReadiness } from "@/lib/readiness/compute-readiness";
import {
  forecastCompletion,
  forecastSeed,
  MAX_WEEKS,
  NO_THROUGHPUT_REASON,
  throughputSample,
  throughputSampleOf,
  TRIALS,
  weeksToDate,
  type ThroughputWeek,
} from "@/lib/readiness/forecast";
import { toInstant } from "@/lib/time";
import { BASE, DAY, endOf, HOUR, isoLabel, item, mondayOf, startOf, tr, ymd } from "../support/rules-model";

const at = (iso: string) => Date.parse(iso);
const sampleOf = (values: number[]): ThroughputWeek[] => values.map((done, i) => ({ week: `W${i}`, done }));
const isSunday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 0;

/** Each completion by a different item. */
const asItems = (times: number[]) => times.map((at, i) => ({ item: `I${i}`, at }));

describe("throughputSample", () => {
  it("covers the 12 ISO weeks ending with the week containing asOf, labelled YYYY-Www", () => {
    const sample = throughputSample(asItems([]), endOf("2024-12-31")); // a Tuesday in 2025-W01
    expect(sample.map((w) => w.week)).toEqual([
      "2024-W42",
      "2024-W43",
      "2024-W44",
      "2024-W45",
      "2024-W46",
      "2024-W47",
      "2024-W48",
      "2024-W49",
      "2024-W50",
      "2024-W51",
      "2024-W52",
      "2025-W01",
    ]);
    expect(sample.every((w) => w.done === 0)).toBe(true);
  });

  it("labels a 53-week year's last week", () => {
    expect(throughputSample(asItems([]), endOf("2021-01-03")).at(-1)!.week).toBe("2020-W53");
    expect(throughputSample(asItems([]), endOf("2021-01-04")).at(-1)!.week).toBe("2021-W01");
  });

  it("puts a completion at Sunday 23:59 in that week, and Monday 00:00 in the next", () => {
    const events = [at("2024-12-29T23:59:00Z"), at("2024-12-29T23:59:59.999Z"), at("2024-12-30T00:00:00Z")];
    const sample = throughputSample(asItems(events), endOf("2024-12-31"));
    expect(sample.find((w) => w.week === "2024-W52")!.done).toBe(2);
    expect(sample.find((w) => w.week === "2025-W01")!.done).toBe(1);
  });

  it("counts a completion on Sunday 23:59 when asOf is that Sunday", () => {
    const sample = throughputSample(asItems([at("2024-06-30T23:59:00Z")]), endOf("2024-06-30"));
    expect(sample.at(-1)).toEqual({ week: "2024-W26", done: 1 });
  });

  it("does not count a completion effective after asOf, even in the same week", () => {
    const asOf = at("2024-12-31T12:00:00Z");
    const sample = throughputSample(asItems([at("2024-12-31T12:00:00Z"), at("2024-12-31T12:00:00.001Z"), at("2025-01-02T00:00:00Z")]), asOf);
    expect(sample.at(-1)).toEqual({ week: "2025-W01", done: 1 });
  });

  it("does not count a completion before the first week of the window", () => {
    const asOf = endOf("2024-12-31");
    const sample = throughputSample(asItems([at("2024-10-13T23:59:59.999Z"), at("2024-10-14T00:00:00Z")]), asOf);
    expect(sample.reduce((n, w) => n + w.done, 0)).toBe(1);
    expect(sample[0]).toEqual({ week: "2024-W42", done: 1 });
  });

  it("agrees with a hand-rolled ISO week model on random events", () => {
    const instant = fc.integer({ min: -200 * 24, max: 600 * 24 }).map((h) => BASE + h * HOUR - (h % 7));
    fc.assert(
      fc.property(fc.array(instant, { maxLength: 30 }), instant, (events, asOf) => {
        const last = mondayOf(asOf);
        const expected = Array.from({ length: 12 }, (_, i) => {
          const start = last - (11 - i) * 7 * DAY;
          const end = start + 7 * DAY - 1;
          return { week: isoLabel(start), done: events.filter((t) => t >= start && t <= end && t <= asOf).length };
        });
        expect(throughputSample(asItems(events), asOf)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("counts the same from items with their done events, an item once per week", () => {
    const instant = fc.integer({ min: -200 * 24, max: 600 * 24 }).map((h) => BASE + h * HOUR - (h % 7));
    const itemsArb = fc.array(fc.array(instant, { maxLength: 4 }), { maxLength: 12 }).map((lists) => lists.map((doneEvents, i) => ({ key: `I${i}`, doneEvents })));
    fc.assert(
      fc.property(itemsArb, instant, (items, asOf) => {
        const events = items.flatMap((i) => i.doneEvents.map((at) => ({ item: i.key, at })));
        const last = mondayOf(asOf);
        const expected = Array.from({ length: 12 }, (_, w) => {
          const start = last - (11 - w) * 7 * DAY;
          const end = start + 7 * DAY - 1;
          return { week: isoLabel(start), done: new Set(events.filter((e) => e.at >= start && e.at <= end && e.at <= asOf).map((e) => e.item)).size };
        });
        expect(throughputSampleOf(items, asOf)).toEqual(expected);
        expect(throughputSample(events, asOf)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe("weeksToDate", () => {
  it("is the Sunday of the asOf week for n = 0 and 7n days later for n", () => {
    expect(weeksToDate(endOf("2024-12-31"), 0)).toBe("2025-01-05");
    expect(weeksToDate(endOf("2024-12-31"), 1)).toBe("2025-01-12");
    expect(weeksToDate(endOf("2024-06-30"), 0)).toBe("2024-06-30"); // a Sunday is its own week's end
    expect(weeksToDate(startOf("2024-07-01"), 0)).toBe("2024-07-07"); // a Monday
  });

  it("is always a Sunday, 7n days after the Sunday of the asOf week", () => {
    const instant = fc.integer({ min: 0, max: 3_000 * 24 }).map((h) => BASE + h * HOUR);
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 600 }), (asOf, n) => {
        const sunday0 = weeksToDate(asOf, 0);
        expect(isSunday(sunday0)).toBe(true);
        const daysAhead = (startOf(sunday0) - startOf(ymd(asOf))) / DAY;
        expect(daysAhead).toBeGreaterThanOrEqual(0);
        expect(daysAhead).toBeLessThanOrEqual(6);
        const date = weeksToDate(asOf, n);
        expect(isSunday(date)).toBe(true);
        expect((startOf(date) - startOf(sunday0)) / DAY).toBe(7 * n);
      }),
      { numRuns: 200 },
    );
  });
});

describe("forecastCompletion", () => {
  const asOf = endOf("2024-12-31"); // Tuesday; the week ends Sunday 2025-01-05
  const base = { slug: "boost-offload", asOf, earliestByDependencies: "2024-12-31" };

  it("gives no forecast, and says why, when every week of the sample is zero", () => {
    const f = forecastCompletion({ ...base, remaining: 64, sample: sampleOf(Array(12).fill(0)) });
    expect(f.reason).toBe("no verified completion in the last 12 weeks: at this rate the program does not finish");
    expect(f.reason).toBe(NO_THROUGHPUT_REASON);
    expect(f.date).toBeNull();
    expect([f.p50, f.p85, f.p95]).toEqual([null, null, null]);
    expect(f.weeks).toBeNull();
    expect(f.earliestByDependencies).toBe("2024-12-31");
  });

  it("gives 0 weeks and the Sunday of the asOf week when nothing remains, even with zero throughput", () => {
    const f = forecastCompletion({ ...base, remaining: 0, sample: sampleOf(Array(12).fill(0)) });
    expect(f.weeks).toEqual({ p50: 0, p85: 0, p95: 0 });
    expect([f.p50, f.p85, f.p95]).toEqual(["2025-01-05", "2025-01-05", "2025-01-05"]);
    expect(f.date).toBe("2025-01-05");
    expect(f.reason).toBeNull();
  });

  it("with a constant sample of k per week, every percentile is ceil(remaining / k) weeks", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), (remaining, k) => {
        const f = forecastCompletion({ ...base, remaining, sample: sampleOf(Array(12).fill(k)) });
        const n = Math.ceil(remaining / k);
        expect(f.weeks).toEqual({ p50: n, p85: n, p95: n });
        expect(f.p85).toBe(weeksToDate(asOf, n));
        expect(f.trials).toBe(TRIALS);
      }),
      { numRuns: 25 },
    );
  });

  it("orders P50 <= P85 <= P95, dates on Sundays, and takes the later of P85 and earliestByDependencies", () => {
    const sampleArb = fc
      .array(fc.integer({ min: 0, max: 4 }), { minLength: 12, maxLength: 12 })
      .filter((v) => v.some((x) => x > 0));
    const earliestArb = fc.integer({ min: 0, max: 400 }).map((d) => ymd(startOf("2024-12-31") + d * DAY));
    fc.assert(
      fc.property(sampleArb, fc.integer({ min: 1, max: 30 }), earliestArb, (values, remaining, earliest) => {
        const f = forecastCompletion({ ...base, remaining, sample: sampleOf(values), earliestByDependencies: earliest });
        const w = f.weeks!;
        expect(w.p50).not.toBeNull();
        expect(w.p50!).toBeLessThanOrEqual(w.p85!);
        expect(w.p85!).toBeLessThanOrEqual(w.p95!);
        expect(w.p50!).toBeGreaterThanOrEqual(Math.ceil(remaining / Math.max(...values)));
        expect(f.p50! <= f.p85! && f.p85! <= f.p95!).toBe(true);
        for (const d of [f.p50!, f.p85!, f.p95!]) expect(isSunday(d)).toBe(true);
        expect(f.p85).toBe(weeksToDate(asOf, w.p85!));
        expect(f.date).toBe(f.p85! > earliest ? f.p85 : earliest);
        expect(f.reason).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it("is deterministic: same inputs, identical output; another slug still gives a valid forecast", () => {
    const input = { ...base, remaining: 30, sample: sampleOf([0, 1, 0, 2, 0, 0, 3, 0, 1, 0, 0, 1]) };
    const a = forecastCompletion(input);
    const b = forecastCompletion({ ...input, sample: input.sample.map((w) => ({ ...w })) });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(forecastSeed("boost-offload", asOf)).toBe(forecastSeed("boost-offload", asOf));
    const other = forecastCompletion({ ...input, slug: "another-program" });
    expect(other.weeks!.p50!).toBeLessThanOrEqual(other.weeks!.p85!);
    expect(other.weeks!.p85!).toBeLessThanOrEqual(other.weeks!.p95!);
    expect(other.weeks!.p50!).toBeGreaterThanOrEqual(10); // at most 3 a week, 30 to go
    expect(other.reason).toBeNull();
    // the sample is random: two slugs agree within a week or two on the median
    expect(Math.abs(other.weeks!.p50! - a.weeks!.p50!)).toBeLessThanOrEqual(3);
  });

  it("never invents a date when the trials do not finish within MAX_WEEKS", () => {
    const f = forecastCompletion({ ...base, remaining: 500, sample: sampleOf([1, ...Array(11).fill(0)]) });
    expect(f.weeks!.p85).toBeNull();
    expect(f.p85).toBeNull();
    expect(f.date).toBeNull();
    expect(f.reason).toContain("does not finish");
    expect(MAX_WEEKS).toBeGreaterThan(0);
  });
});

describe("forecast inside computeReadiness", () => {
  const readinessOf = (items: Parameters<typeof computeReadiness>[0]["items"], asOf: number, slug = "p") =>
    computeReadiness({
      slug,
      items,
      signals: [],
      thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true },
      asOf,
      knownAt: toInstant("2030-01-01", "end"),
    });

  it("uses earliestByDependencies when the dependency chain is longer than the throughput forecast", () => {
    const items = [
      item("A", { transitions: [tr("done", "2024-06-10", { verified: "2024-06-10" })] }),
      item("B", { transitions: [tr("done", "2024-06-17", { verified: "2024-06-17" })] }),
      item("C", { estimateWeeks: 20 }), // one item left, but 20 weeks of work
    ];
    const r = readinessOf(items, endOf("2024-06-30"));
    expect(r.forecast.p85! < r.earliestByDependencies).toBe(true);
    expect(r.earliestByDependencies).toBe("2024-11-17"); // + 140 days
    expect(r.forecast.date).toBe("2024-11-17");
  });

  it("uses the P85 date when it is later than earliestByDependencies", () => {
    const items = [
      item("A", { transitions: [tr("done", "2024-06-10", { verified: "2024-06-10" })] }),
      ...Array.from({ length: 10 }, (_, i) => item(`B${i}`, { estimateWeeks: 0.5 })),
    ];
    const r = readinessOf(items, endOf("2024-06-30"));
    // one completion in 12 weeks, 10 to go: far beyond 4 days of dependency work
    expect(r.earliestByDependencies).toBe("2024-07-04");
    expect(r.forecast.date).toBe(r.forecast.p85);
    expect(r.forecast.date! > r.earliestByDependencies).toBe(true);
  });

  it("counts a verification recorded weeks after the completion in the completion's week", () => {
    const items = [
      item("A", { transitions: [tr("done", "2024-06-11", { recorded: "2024-06-12", verified: "2024-07-20" })] }),
      item("B"),
    ];
    const asOf = endOf("2024-06-30");
    const known = readinessOf(items, asOf); // knownAt 2030: the verification is visible
    expect(known.forecast.sample.find((w) => w.week === "2024-W24")!.done).toBe(1);
    const then = computeReadiness({
      slug: "p",
      items,
      signals: [],
      thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true },
      asOf,
      knownAt: asOf,
    });
    expect(then.forecast.sample.every((w) => w.done === 0)).toBe(true);
    expect(then.forecast.reason).toBe(NO_THROUGHPUT_REASON);
  });

  it("is reproducible from slug and asOf", () => {
    const items = [
      item("A", { transitions: [tr("done", "2024-06-10", { verified: "2024-06-10" })] }),
      item("B", { transitions: [tr("done", "2024-05-10", { verified: "2024-05-10" })] }),
      ...Array.from({ length: 8 }, (_, i) => item(`C${i}`)),
    ];
    const asOf = endOf("2024-06-30");
    expect(JSON.stringify(readinessOf(items, asOf))).toBe(JSON.stringify(readinessOf(items, asOf)));
    const other = readinessOf(items, asOf, "other-slug").forecast;
    expect(other.weeks!.p50!).toBeLessThanOrEqual(other.weeks!.p85!);
    expect(other.weeks!.p85!).toBeLessThanOrEqual(other.weeks!.p95!);
  });
});

describe("time zone independence", () => {
  it("gives the same JSON under TZ=Pacific/Kiritimati and TZ=America/Los_Angeles", async () => {
    const lib = (p: string) => JSON.stringify(path.resolve(process.cwd(), "lib", p));
    const script = `
      import { computeReadiness } from ${lib("readiness/compute-readiness.ts")};
      import { forecastCompletion, throughputSample, weeksToDate } from ${lib("readiness/forecast.ts")};
      import { isoWeekOf, parseIsoWeek } from ${lib("iso-week.ts")};
      import { toInstant, formatDate } from ${lib("time.ts")};
      const asOf = toInstant("2024-12-31", "end");
      const events = ["2024-12-29T23:59:00Z", "2024-12-30T00:00:00Z", "2024-11-03T23:30:00Z", "2024-10-14T00:00:00Z"].map(Date.parse);
      const asItems = (times) => times.map((at, i) => ({ item: "I" + i, at }));
      const item = (key, estimateWeeks, dependsOn, transitions) => ({ key, title: key, area: "A", owner: null, ownerName: null,
        team: "", estimateWeeks, identifiedAt: toInstant("2024-01-01"), dependsOn, transitions });
      const done = (day, seq) => ({ to: "done", effectiveAt: toInstant(day), recordedAt: toInstant(day), seq, verificationRecordedAt: toInstant(day) });
      const items = [item("A", 2, [], [done("2024-12-29", 1)]), item("B", 1.5, ["A"], [done("2024-11-04", 2)]),
        item("C", 3, ["B"], []), item("D", 1, ["C"], []), item("E", 2, [], [])];
      console.log(JSON.stringify({
        offset: new Date(Date.UTC(2024, 0, 15)).getTimezoneOffset(),
        instants: [toInstant("2024-12-31"), toInstant("2024-12-31", "end"), formatDate(asOf)],
        weeks: [isoWeekOf(asOf), isoWeekOf(Date.parse("2024-12-29T23:59:00Z")), parseIsoWeek("2020-W53")],
        sample: throughputSample(asItems(events), asOf),
        dates: [0, 1, 5, 52].map((n) => weeksToDate(asOf, n)),
        forecast: forecastCompletion({ slug: "tz", asOf, remaining: 7, sample: throughputSample(asItems(events), asOf), earliestByDependencies: "2025-01-01" }),
        readiness: computeReadiness({ slug: "tz", items, signals: [], thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true },
          asOf, knownAt: toInstant("2025-06-30", "end") }),
      }));
    `;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tz-check-"));
    const file = path.join(dir, "tz-check.ts");
    fs.writeFileSync(file, script);
    try {
      const tsx = path.resolve(process.cwd(), "node_modules/.bin/tsx");
      const run = (tz: string) =>
        promisify(execFile)(tsx, [file], { env: { ...process.env, TZ: tz }, cwd: process.cwd() }).then((r) =>
          JSON.parse(r.stdout.trim().split("\n").at(-1)!),
        );
      const [east, west] = await Promise.all([run("Pacific/Kiritimati"), run("America/Los_Angeles")]);
      // the time zones really applied (UTC+14 and UTC-8 in January 2024)
      expect(east.offset).toBe(-840);
      expect(west.offset).toBe(480);
      delete east.offset;
      delete west.offset;
      expect(east).toEqual(west);
      expect(east.instants).toEqual([startOf("2024-12-31"), endOf("2024-12-31"), "2024-12-31"]);
      expect(east.weeks.map((w: { label: string }) => w.label)).toEqual(["2025-W01", "2024-W52", "2020-W53"]);
      expect(east.dates).toEqual(["2025-01-05", "2025-01-12", "2025-02-09", "2026-01-04"]);
      expect(east.readiness.done).toBe(2);
      expect(east.readiness.forecast.date).not.toBeNull();
      // and the same as in this process
      expect(east.sample).toEqual(throughputSample(asItems([at("2024-12-29T23:59:00Z"), at("2024-12-30T00:00:00Z"), at("2024-11-03T23:30:00Z"), at("2024-10-14T00:00:00Z")]), endOf("2024-12-31")));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
