import type { ReactNode } from "react";
import { Td, TableHead, Th } from "@/components/ui/data-table";

export interface ReportColumn {
  label: string;
  numeric?: boolean;
}

/**
 * A plain table of the report (the sortable one is for items): named for screen readers, in its
 * own sideways-scrolling box so a narrow screen never scrolls the page, or `empty` in words.
 */
export function ReportTable({ label, columns, rows, empty }: { label: string; columns: readonly ReportColumn[]; rows: readonly ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <div className="max-w-full overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label={label}>
        <TableHead caps={false}>
          {columns.map((c) => (
            <Th key={c.label} numeric={c.numeric} className="pr-3">
              {c.label}
            </Th>
          ))}
        </TableHead>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r} className="border-t border-slate-100 align-top">
              {cells.map((cell, c) => (
                <Td key={c} numeric={columns[c]?.numeric} className="py-0.5 pr-3">
                  {cell}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
