import { statusLabel } from "@/lib/labels";
import { areaTableRows } from "@/lib/report/area-table-rows";
import type { WeeklyReport } from "@/lib/report/report-model";
import { STATUSES } from "@/lib/status";
import { ReportSection, ReportSubheading } from "./report-section";
import { ReportTable } from "./report-table";

function AreaTable({ report, which }: { report: WeeklyReport; which: "true" | "reported" }) {
  const { areas, all } = areaTableRows(report, which);
  const extra = which === "true" ? ["inflated", "blocked"] : [];
  const columns = [{ label: "area" }, { label: "items", numeric: true }, ...STATUSES.map((s) => ({ label: statusLabel(s), numeric: true })), ...extra.map((label) => ({ label, numeric: true }))];
  const rows = [...areas.map((a) => [a.area, ...a.counts]), [<strong key="all">All areas</strong>, ...all.map((n, i) => <strong key={i}>{n}</strong>)]];
  return <ReportTable label={`Status by area, ${which === "true" ? "true (verified)" : "reported"}`} columns={columns} rows={rows} empty="No item was in the program at the cutoff." layout="scroll" />;
}

/** Items per area and status: verified, then as reported. */
export function ReportAreas({ report }: { report: WeeklyReport }) {
  return (
    <ReportSection id="areas" title="Status by area">
      <ReportSubheading>True status (verified)</ReportSubheading>
      <AreaTable report={report} which="true" />
      <ReportSubheading>Reported status</ReportSubheading>
      <AreaTable report={report} which="reported" />
    </ReportSection>
  );
}
