import type { WeeklyReport } from "@/lib/report/report-model";
import { StatusBadge } from "@/components/ui/status-badge";
import { ItemCell } from "./item-key";
import { ReportSection } from "./report-section";
import { ReportTable } from "./report-table";

/** Items reported ahead of their evidence. */
export function ReportInflated({ report, slug }: { report: WeeklyReport; slug: string }) {
  return (
    <ReportSection id="inflated" title={`Inflated items (${report.inflated.length})`}>
      <ReportTable
        label="Inflated items"
        columns={[{ label: "item", subject: true }, { label: "reported" }, { label: "true" }]}
        rows={report.inflated.map((i) => [<ItemCell key="i" slug={slug} itemKey={i.key} title={i.title} />, <StatusBadge key="r" status={i.reported} />, <StatusBadge key="t" status={i.true} />])}
        empty="No item is reported ahead of its evidence."
      />
    </ReportSection>
  );
}
