import type { WeeklyReport } from "@/lib/report/report-model";
import { levelOf } from "@/lib/status";
import { parseSort, type SortState } from "@/lib/table-sort";
import { ItemKeyLink } from "@/components/dashboard/readiness-tables";
import { SortableTable, type SortableColumn } from "@/components/ui/sortable-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { ReportSection } from "./report-section";

const DEFAULT_SORT: SortState = { column: "item", dir: "asc" };

/** Every item in the program at the cutoff, sortable by any column (the sort stays in the URL). */
export function ReportItems({ report, slug, sortParam }: { report: WeeklyReport; slug: string; sortParam: unknown }) {
  const columns: SortableColumn[] = [
    { key: "item", label: "item" },
    { key: "title", label: "title" },
    { key: "area", label: "area" },
    { key: "owner", label: "owner" },
    { key: "estimate", label: "estimate (wk)", numeric: true, firstDir: "desc" },
    { key: "true", label: "true status", firstDir: "desc" },
    { key: "reported", label: "reported status", firstDir: "desc" },
    { key: "before", label: `true, ${report.previousWeek}`, firstDir: "desc" },
  ];
  const sort = parseSort(sortParam, columns.map((c) => c.key), DEFAULT_SORT);
  const rows = report.items.map((i) => ({
    id: i.key,
    values: {
      item: i.key,
      title: i.title,
      area: i.area,
      owner: i.ownerName,
      estimate: i.estimateWeeks,
      true: levelOf(i.trueStatus),
      reported: levelOf(i.reportedStatus),
      before: levelOf(i.trueStatusPreviousWeek),
    },
    cells: [
      <ItemKeyLink key="k" itemKey={i.key} href={`/programs/${slug}/items/${encodeURIComponent(i.key)}`} />,
      i.title,
      i.area,
      i.ownerName ?? <strong className="text-red-800">no owner</strong>,
      i.estimateWeeks,
      <span key="t" className="whitespace-nowrap">
        <StatusBadge status={i.trueStatus} />
        {i.inflated ? " inflated" : ""}
        {i.blocked ? " blocked" : ""}
      </span>,
      <StatusBadge key="r" status={i.reportedStatus} />,
      <StatusBadge key="b" status={i.trueStatusPreviousWeek} />,
    ],
  }));
  return (
    <ReportSection id="items" title={`All items (${report.items.length})`}>
      {rows.length === 0 ? (
        <p className="text-slate-600">No item was in the program at the cutoff.</p>
      ) : (
        <>
          <p className="text-xs text-slate-600 md:hidden">Wider than a phone: scroll the table sideways; the item column stays in place.</p>
          <SortableTable label="All items" columns={columns} rows={rows} sort={sort} defaultSort={DEFAULT_SORT} param="itemsSort" complete />
        </>
      )}
    </ReportSection>
  );
}
