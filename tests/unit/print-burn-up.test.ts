/** The printed burn-up: claims marked by their verdict on their date, as the dashboard marks them, in colour and in words. */
import { describe, expect, it } from "vitest";
import type { ClaimMark } from "@/lib/charts/claim-marks";
import type { StatusPoint } from "@/lib/charts/status-over-time";
import type { Verdict } from "@/lib/claims/claim-verdict";
import type { ReportClaim, WeeklyReport } from "@/lib/report/report-model";
import { renderReportHtml } from "@/lib/report/render-html";
import { burnUpSvg, VERDICT_LETTERS } from "@/lib/report/svg-charts";
import { VERDICT_COLORS } from "@/lib/status-colors";
import { emptyReport, statusCounts } from "../support/empty-report";


/** Weekly points from 2024-01-07 to 2024-12-29: four items, one done late in the year. */
const SERIES: StatusPoint[] = Array.from({ length: 52 }, (_, i) => {
  const date = new Date(Date.UTC(2024, 0, 7 + 7 * i)).toISOString().slice(0, 10);
  const done = i > 40 ? 1 : 0;
  return { date, scope: 4, verifiedDone: done, reportedDone: done + 1, verifiedStarted: 2, reportedStarted: 3, byTrueStatus: statusCounts({ not_started: 4 - done, done }) };
});

const mark = (id: string, date: string, verdict: Verdict, speaker = "Ann Speaker"): ClaimMark => ({ id, date, speaker, verdict });

/** The claim markers of a burn-up: each group's title and the fill of its diamond. */
const marksOf = (svg: string) => [...svg.matchAll(/<g class="claim"><title>([^<]*)<\/title><path d="[^"]*" fill="([^"]+)"/g)].map((m) => ({ title: m[1], fill: m[2] }));

/** The verdict legend below the chart: its words after the heading. */
const verdictLegend = (svg: string) => {
  const at = svg.indexOf("Claims by verdict on their date:");
  return at < 0 ? null : [...svg.slice(at, svg.indexOf("</svg>", at)).matchAll(/class="legend">([^<]*)</g)].map((m) => m[1]);
};

describe("the printed burn-up's claim markers", () => {
  it("colour each claim by its verdict on its date, name it in a title, and list only the verdicts shown, in words", () => {
    const svg = burnUpSvg(SERIES, [mark("a", "2024-03-01", "supported", "Ann"), mark("b", "2024-07-01", "contradicted", "Bob <CEO>"), mark("c", "2024-10-01", "partly_supported", "Cy")]);
    expect(marksOf(svg)).toEqual([
      { title: "2024-03-01 Ann: supported", fill: VERDICT_COLORS.supported },
      { title: "2024-07-01 Bob &lt;CEO&gt;: contradicted", fill: VERDICT_COLORS.contradicted },
      { title: "2024-10-01 Cy: partly supported", fill: VERDICT_COLORS.partly_supported },
    ]);
    expect(verdictLegend(svg)).toEqual(["supported", "partly supported", "contradicted"]);
    for (const absent of ["mostly supported", "unsupported", "unrated"]) expect(verdictLegend(svg)).not.toContain(absent);
    // Not colour alone: each diamond carries its verdict's letter, and the legend pairs letter and word.
    for (const v of ["supported", "contradicted", "partly_supported"] as const) expect(svg.split(new RegExp(`class="mark" fill="#[0-9a-f]+">${VERDICT_LETTERS[v]}<`)).length - 1).toBe(2);
    expect(new Set(Object.values(VERDICT_LETTERS)).size).toBe(6);
    expect(svg).not.toContain("public claim<");
  });

  it("group claims too close to tell apart into one marker in the worst verdict's colour, whose title names each", () => {
    const svg = burnUpSvg(SERIES, [mark("a", "2024-06-01", "supported", "Ann"), mark("b", "2024-06-03", "unsupported", "Bob"), mark("c", "2024-11-01", "supported", "Cy")]);
    expect(marksOf(svg)).toEqual([
      { title: "2024-06-01 Ann: supported; 2024-06-03 Bob: unsupported", fill: VERDICT_COLORS.unsupported },
      { title: "2024-11-01 Cy: supported", fill: VERDICT_COLORS.supported },
    ]);
    expect(verdictLegend(svg)).toEqual(["supported", "unsupported"]);
  });

  it("reach back to a claim made before the first item, leave out one after the chart's end, and add no verdict legend without a claim", () => {
    const svg = burnUpSvg(SERIES, [mark("early", "2023-11-15", "unrated"), mark("late", "2025-02-01", "contradicted")]);
    expect(marksOf(svg)).toEqual([{ title: "2023-11-15 Ann Speaker: unrated", fill: VERDICT_COLORS.unrated }]);
    expect(verdictLegend(svg)).toEqual(["unrated"]);
    const none = burnUpSvg(SERIES, []);
    expect(marksOf(none)).toEqual([]);
    expect(verdictLegend(none)).toBeNull();
    expect(none).toContain('viewBox="0 0 680 210"');
  });
});

function claim(id: string, date: string, verdict: Verdict, speaker: string): ReportClaim {
  return {
    id,
    date,
    datePrecision: "day",
    speaker,
    venue: "V",
    quote: "Q",
    quoteIsParaphrase: false,
    url: "https://example.com",
    linked: 2,
    metAtClaimDate: 0,
    verdictAtClaimDate: verdict,
    verdictKnownThen: verdict,
    verdictAtCutoff: "supported",
    links: [],
  };
}

/** A report of no item; only the claims and the history head matter here. */
const report = (claims: ReportClaim[], logHeadAtCutoff: string): WeeklyReport => emptyReport({ claims, logHeadAtCutoff });

const HEAD = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b";
const caption = (html: string) => /<figure><svg [^>]*aria-label="Burn-up[\s\S]*?<figcaption>([^<]*)<\/figcaption>/.exec(html)![1]!;

describe("the print page", () => {
  it("marks each claim by its verdict on its date (not its verdict at the cutoff), and its caption says how, with no colour name", () => {
    const html = renderReportHtml(report([claim("a", "2024-05-02", "contradicted", "Ann"), claim("b", "2024-09-12", "mostly_supported", "Bob")], HEAD), SERIES);
    expect(marksOf(html).map((m) => m.fill)).toEqual([VERDICT_COLORS.contradicted, VERDICT_COLORS.mostly_supported]);
    expect(verdictLegend(html)).toEqual(["mostly supported", "contradicted"]);
    expect(caption(html)).not.toMatch(/\bred\b/i);
    expect(caption(html)).toContain("verdict on its date");
    expect(html).not.toContain("Red: public claims");
  });

  it("says nothing of claim markers when no claim is charted", () => {
    const html = renderReportHtml(report([], HEAD), SERIES);
    expect(caption(html)).toBe("Burn-up: verified against reported done and scope, week by week to the cutoff.");
  });

  it("says in words that the log holds nothing from before the cutoff when the history head is the chain's starting value, and still shows it", () => {
    const html = renderReportHtml(report([], "0".repeat(64)), SERIES);
    const line = /<h2>History<\/h2>\s*<p>([\s\S]*?)<\/p>/.exec(html)![1]!;
    expect(line).toContain("the tracker's log holds no entry written by the cutoff");
    expect(line).toContain(`<span class="hash">${"0".repeat(64)}</span>`);
  });

  it("prints a real history head as the hash it is", () => {
    const html = renderReportHtml(report([], HEAD), SERIES);
    expect(html).toContain(`<p>History head hash at the cutoff: <span class="hash">${HEAD}</span></p>`);
    expect(html).not.toContain("holds no entry written by the cutoff");
  });
});
