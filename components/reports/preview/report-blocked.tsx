import type { WeeklyReport } from "@/lib/report/report-model";
import { ItemKeyLink } from "@/components/dashboard/readiness-tables";
import { StatusBadge } from "@/components/ui/status-badge";
import { ItemCell } from "./item-key";
import { ReportSection, ReportSubheading } from "./report-section";
import { ReportTable } from "./report-table";
import { weeksOf } from "@/lib/labels";
import { When } from "./report-when";

/** Items waiting on an unfinished dependency, and the longest chain of unfinished work. */
export function ReportBlocked({ report, slug }: { report: WeeklyReport; slug: string }) {
  const href = (key: string) => `/programs/${slug}/items/${encodeURIComponent(key)}`;
  const path = report.criticalPath;
  return (
    <ReportSection id="blocked" title={`Blocked items and the critical path`}>
      <ReportSubheading>Blocked items ({report.blocked.length})</ReportSubheading>
      <ReportTable
        label="Blocked items"
        columns={[{ label: "item", subject: true }, { label: "true status" }, { label: "waiting on" }]}
        rows={report.blocked.map((b) => [
          <ItemCell key="i" slug={slug} itemKey={b.key} title={b.title} />,
          <StatusBadge key="s" status={b.trueStatus} />,
          <span key="w" className="flex flex-wrap gap-x-2">
            {b.waitingOn.map((k) => (
              <ItemKeyLink key={k} itemKey={k} href={href(k)} />
            ))}
          </span>,
        ])}
        empty="No item waits on an unfinished dependency."
      />
      <ReportSubheading>Critical path</ReportSubheading>
      {path.keys.length === 0 ? (
        <p className="text-slate-600">Nothing remains on any dependency chain.</p>
      ) : (
        <>
          <ol aria-label="Critical path" className="flex flex-wrap items-center gap-x-1 gap-y-1">
            {path.keys.map((k, i) => (
              <li key={k} className="flex items-center gap-1">
                {i > 0 && <span aria-hidden="true">→</span>}
                <ItemKeyLink itemKey={k} href={href(k)} />
              </li>
            ))}
          </ol>
          <p>
            {weeksOf(path.remainingWeeks)} of unfinished work in a row: no finish before{" "}
            <strong>
              <When value={path.earliestByDependencies} />
            </strong>, however many people join.
          </p>
        </>
      )}
    </ReportSection>
  );
}
