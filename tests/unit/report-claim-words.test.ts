/**
 * What the report's web page and its print say alike about claims and publications: the headline's
 * claims figure, each linked item of a claim in words, the reports list's restated count — and the
 * print using them, with verdicts in words, moments as people read them and dates kept whole.
 */
import { describe, expect, it } from "vitest";
import type { Verdict } from "@/lib/claims/claim-verdict";
import { claimLinkWords } from "@/lib/report/claim-link-words";
import { claimsFigure } from "@/lib/report/claims-figure";
import { renderReportHtml } from "@/lib/report/render-html";
import type { ReportClaim, WeeklyReport } from "@/lib/report/report-model";
import { emptyReport } from "../support/empty-report";


function claim(id: string, verdictAtClaimDate: Verdict, links: ReportClaim["links"] = [], over: Partial<ReportClaim> = {}): ReportClaim {
  return {
    id,
    date: "2024-06-30",
    datePrecision: "day",
    speaker: "Ann Speaker",
    venue: "Keynote",
    quote: "Offload ships this summer",
    quoteIsParaphrase: false,
    url: "https://example.com/keynote",
    linked: links.length,
    metAtClaimDate: 0,
    verdictAtClaimDate,
    verdictKnownThen: verdictAtClaimDate,
    verdictAtCutoff: verdictAtClaimDate,
    links,
    ...over,
  };
}

/** A report of no item; the fields a test sets are the ones it reads. */
const report = (over: Partial<WeeklyReport> = {}): WeeklyReport => emptyReport(over);

const LINKS: ReportClaim["links"] = [
  { item: "FND-01", requires: "build", trueStatusAtClaimDate: "design", trueStatusAtCutoff: "done" },
  { item: "NET-02", requires: "validate", trueStatusAtClaimDate: "validate", trueStatusAtCutoff: "validate" },
];

describe("claimsFigure", () => {
  it("counts the claims and those contradicted on their own date, whatever they say at the cutoff", () => {
    const claims = [claim("a", "contradicted"), claim("b", "partly_supported"), claim("c", "contradicted", [], { verdictAtCutoff: "supported" }), claim("d", "unsupported")];
    expect(claimsFigure(claims)).toEqual({ label: "Claims", value: "4", sub: "2 contradicted on their date" });
    expect(claimsFigure([])).toEqual({ label: "Claims", value: "0", sub: "0 contradicted on their date" });
  });
});

describe("claimLinkWords", () => {
  it("names the status the claim needs and the item's true status on the claim's date and at the cutoff, met or not", () => {
    expect(claimLinkWords(LINKS[0]!)).toBe("needs Build — on the claim's date: Design, not met; at the cutoff: Done, met");
    expect(claimLinkWords(LINKS[1]!)).toBe("needs Validate — on the claim's date: Validate, met; at the cutoff: Validate, met");
    expect(claimLinkWords({ item: "X", requires: "done", trueStatusAtClaimDate: "not_started", trueStatusAtCutoff: "rollout" })).toBe(
      "needs Done — on the claim's date: Not started, not met; at the cutoff: Rollout, not met",
    );
  });
});

describe("the print", () => {
  it("writes verdicts in words and lists every linked item of a claim, as the web page does", () => {
    const cl = claim("a", "partly_supported", LINKS, { metAtClaimDate: 1, verdictKnownThen: "mostly_supported", verdictAtCutoff: "supported" });
    const html = renderReportHtml(report({ claims: [cl] }), []);
    const section = html.slice(html.indexOf("<h2>Public claims"), html.indexOf("<h2>Quality"));
    expect(section).toContain("On its date: <strong>partly supported</strong> (1 of 2 linked items met) · as recorded that day: <strong>mostly supported</strong> · at the cutoff: <strong>supported</strong>");
    expect(section).not.toMatch(/partly_supported|mostly_supported|links met/);
    expect(section).toContain(`<li><span class="key">FND-01</span> needs Build — on the claim&#39;s date: Design, not met; at the cutoff: Done, met</li>`);
    expect(section).toContain(`<li><span class="key">NET-02</span> needs Validate`);
  });

  it("writes a quality breach's value and threshold in the web's words: yes or no, at least 70 %", () => {
    const quality = {
      thresholds: { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true },
      breaches: [
        { key: "FND-01", title: "Store", metric: "crash_owner_registered", value: 0, threshold: "= 1", measuredAt: "2024-12-16" },
        { key: "FND-02", title: "Tracing", metric: "test_coverage_pct", value: 30, threshold: ">= 70", measuredAt: "2024-12-16" },
      ],
      unowned: [],
      artefacts: [],
    };
    const html = renderReportHtml(report({ quality }), []);
    const section = html.slice(html.indexOf("<h2>Quality"));
    expect(section).toMatch(/<td[^>]*>no<\/td><td[^>]*>yes<\/td>/);
    expect(section).toMatch(/<td[^>]*>30<\/td><td[^>]*>at least 70 %<\/td>/);
    expect(section).not.toContain("&gt;=");
  });

  it("has the headline's claims figure in the shared words", () => {
    const html = renderReportHtml(report({ claims: [claim("a", "contradicted"), claim("b", "supported")] }), []);
    expect(html).toContain(`<div class="label">Claims</div><div class="value">2</div><div class="sub">1 contradicted on their date</div>`);
  });

  it("writes moments as people read them, never a raw ISO instant, and keeps date columns on one line", () => {
    const html = renderReportHtml(
      report({
        changes: {
          trueStatus: [],
          regressions: [{ key: "A", title: "Item A", from: "build", to: "design", effectiveAt: "2024-07-02", note: "n" }],
          verifications: [{ key: "A", title: "Item A", to: "build", effectiveAt: "2024-07-01", verifiedAt: "2024-07-03T09:30:00.000Z", verifiedBy: "Bob" }],
          evidence: [{ key: "A", title: "Item A", to: "build", recordedAt: "2024-07-01T17:00:00.000Z", kind: "code_change", url: "https://example.com/pr/1", summary: "PR 1", fleetPercent: null }],
          newItems: [],
        },
        promises: {
          programTarget: null,
          promisedItems: 1,
          impossible: [{ key: "B", title: "Item B", target: "2024-06-30", earliestFinish: "2024-08-11", weeksLate: 6, limitedBy: { key: "B", date: "2024-06-30" } }],
        },
      }),
      [],
    );
    const body = html.slice(html.indexOf("<body>"));
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(body).toContain("<td>2024-07-03 09:30 UTC</td>");
    expect(body).toContain("<td>2024-07-01 17:00 UTC</td>");
    // The promised dates' table names its date columns; its cells stay as they were.
    expect(body).toMatch(/<table data-dates="3 4 6"><thead><tr><th>item<\/th><th>title<\/th><th>target<\/th><th>earliest finish<\/th>/);
    expect(body).toContain("<td>2024-06-30</td><td>2024-08-11</td>");
    expect(html).toContain(`table[data-dates~="3"] td:nth-child(3)`);
    expect(html).toMatch(/table\[data-dates~="10"\] td:nth-child\(10\) \{ white-space: nowrap; \}/);
  });
});
