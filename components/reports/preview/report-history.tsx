import { NOTHING_LOGGED, nothingLoggedBy } from "@/lib/report/print-footer";
import { LOG_HEAD_DEFINITION, type WeeklyReport } from "@/lib/report/report-model";
import { ReportSection } from "./report-section";

/** The history head hash at the cutoff, and how to check it and the files. */
export function ReportHistory({ report }: { report: WeeklyReport }) {
  return (
    <ReportSection id="history" title="History">
      <p>
        History head hash at the cutoff:{" "}
        {nothingLoggedBy(report.logHeadAtCutoff) ? (
          <>
            {NOTHING_LOGGED} (the chain&apos;s starting value, <code className="break-all font-mono text-xs">{report.logHeadAtCutoff}</code>).
          </>
        ) : (
          <code className="break-all font-mono text-xs">{report.logHeadAtCutoff}</code>
        )}
      </p>
      <p className="text-sm text-slate-700">
        That is {LOG_HEAD_DEFINITION}. Check the log with <code>npm run tracker -- verify-log</code>; check a downloaded file against the history with{" "}
        <code>npm run tracker -- verify-report FILE</code>.
      </p>
    </ReportSection>
  );
}
