import type { ReactNode } from "react";
import { formatPercentFloor } from "@/lib/format";
import { claimsFigure } from "@/lib/report/claims-figure";
import type { WeeklyReport } from "@/lib/report/report-model";
import { ReportSection } from "./report-section";
import { When } from "./report-when";
import { countOf } from "@/lib/artefacts/count-words";
import { weeksOf } from "@/lib/labels";

function Figure({ label, value, sub, alarm = false, testId }: { label: string; value: ReactNode; sub: ReactNode; alarm?: boolean; testId?: string }) {
  return (
    <div className="rounded border border-slate-200 p-2">
      <dt className="text-xs uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className={`text-lg font-semibold ${alarm ? "text-red-800" : ""}`} data-testid={testId}>
        {value}
      </dd>
      <dd className="text-xs text-slate-700">{sub}</dd>
    </div>
  );
}

/** The headline figures: verified against reported, no partial credit, bad news in red and in words. */
export function ReportHeadline({ report }: { report: WeeklyReport }) {
  const h = report.headline;
  const f = report.forecast;
  const claims = claimsFigure(report.claims);
  return (
    <ReportSection id="headline" title="Headline">
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
        <Figure
          label="Done (verified)"
          value={`${h.done} of ${countOf(h.total, "item")}`}
          sub={`readiness ${formatPercentFloor(h.readiness)}, effort readiness ${formatPercentFloor(h.effortReadiness)} — an item counts only when done`}
          alarm={h.total > 0 && h.done === 0}
          testId="report-done"
        />
        <Figure label="Done (reported)" value={`${h.reportedDone} of ${h.total}`} sub="what owners reported, verified or not" />
        <Figure label="Started" value={`${h.startedTrue} verified`} sub={`${h.startedReported} reported`} />
        <Figure label="Inflated" value={h.inflated} sub="reported ahead of the evidence" alarm={h.inflated > 0} />
        <Figure label="Blocked" value={h.blocked} sub="waiting on an unfinished dependency" />
        <Figure
          label="Critical path"
          value={weeksOf(h.remainingWeeks)}
          sub={
            h.remainingWeeks > 0 ? (
              <>
                no finish before <When value={h.earliestByDependencies} />, however many people join
              </>
            ) : (
              "nothing remains on any dependency chain"
            )
          }
        />
        <Figure
          label="Forecast"
          value={f.date ? <When value={f.date} /> : "none"}
          sub={
            f.date ? (
              <>
                the later of P85 (<When value={f.p85} />) and the critical path
              </>
            ) : (
              (f.reason ?? "no forecast")
            )
          }
          alarm={f.date === null}
        />
        <Figure label="Committed target" value={report.program.targetDate ? <When value={report.program.targetDate} /> : "none set"} sub="the program's committed date" />
        <Figure
          label={claims.label}
          value={
            <a href="#claims" className="text-indigo-800 underline">
              {claims.value}
              <span className="sr-only"> {report.claims.length === 1 ? "public claim" : "public claims"}</span>
            </a>
          }
          sub={claims.sub}
          testId="report-claims"
        />
      </dl>
      {h.notYetIdentified > 0 && (
        <p className="text-sm text-slate-700">
          {h.notYetIdentified} {h.notYetIdentified === 1 ? "item identified after the cutoff is" : "items identified after the cutoff are"} not counted.
        </p>
      )}
    </ReportSection>
  );
}
