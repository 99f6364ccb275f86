import type { WeeklyReport } from "@/lib/report/report-model";
import { ReportPromises } from "./report-promises";
import { ReportSection } from "./report-section";
import { ReportTable } from "./report-table";
import { When } from "./report-when";

/**
 * The forecast, then — as in the files — the promised dates that can no longer be met (absent from
 * a week published before that section existed).
 */
export function ReportForecast({ report }: { report: WeeklyReport }) {
  return (
    <>
      <ForecastSection report={report} />
      {report.promises && <ReportPromises promises={report.promises} slug={report.program.slug} />}
    </>
  );
}

/** The Monte Carlo forecast, or the plain reason there is none: no date is invented. */
function ForecastSection({ report }: { report: WeeklyReport }) {
  const f = report.forecast;
  const first = f.sample[0]?.week;
  const last = f.sample[f.sample.length - 1]?.week;
  return (
    <ReportSection id="forecast" title="Forecast">
      {f.date === null ? (
        <p>
          <strong className="text-red-800">No forecast:</strong> {f.reason ?? "none"}. No date is invented.
        </p>
      ) : (
        <>
          <ReportTable
            label="Forecast"
            columns={[{ label: "P50" }, { label: "P85" }, { label: "P95" }, { label: "critical path allows" }, { label: "honest date" }]}
            rows={[
              [
                <When key="50" value={f.p50} />,
                <When key="85" value={f.p85} />,
                <When key="95" value={f.p95} />,
                <When key="c" value={f.earliestByDependencies} />,
                <strong key="d">
                  <When value={f.date} />
                </strong>,
              ],
            ]}
            empty=""
          />
          <p className="text-sm text-slate-700">
            Monte Carlo, {f.trials} trials drawing weekly throughput from the sample; the honest date is the later of P85 and the critical path.
          </p>
        </>
      )}
      {first && (
        <p className="text-sm text-slate-700">
          Verified completions per ISO week, {first} to {last}: {f.sample.map((w) => w.done).join(", ")}.
        </p>
      )}
    </ReportSection>
  );
}
