import type { ReactNode } from "react";
import { Td, TableHead, Th } from "@/components/ui/data-table";

export interface ReportColumn {
  label: string;
  numeric?: boolean;
  /** What the row is about (an item): on a phone it heads the row's card, without a label. */
  subject?: boolean;
}

// On a phone each row of a list of records is a card (as the item's History table): its cells stack
// at full width, each after its column's name, so nothing is cut at the edge of the screen.
const cardTable = "w-full text-left text-sm max-md:block max-md:[&>tbody]:block max-md:[&>thead]:hidden";
const cardRow = "border-t border-slate-100 align-top max-md:block max-md:py-1.5";
const cardCell = "py-0.5 pr-3 max-md:block max-md:pr-0 max-md:text-left";
const phoneLabel = "text-xs text-slate-600 md:hidden";

/**
 * A plain table of the report (the sortable one is for items), named for screen readers, or
 * `empty` in words. A list of records (`cards`, the default) stacks as cards below the md
 * breakpoint; a table of figures read across (`scroll`) keeps its columns and scrolls sideways in
 * a box of its own that says so and that the keyboard can reach. The page itself never scrolls
 * sideways.
 */
export function ReportTable({
  label,
  columns,
  rows,
  empty,
  layout = "cards",
}: {
  label: string;
  columns: readonly ReportColumn[];
  rows: readonly ReactNode[][];
  empty: string;
  layout?: "cards" | "scroll";
}) {
  if (rows.length === 0) return <p className="text-slate-600">{empty}</p>;
  const head = (
    <TableHead caps={false}>
      {columns.map((c, i) => (
        <Th key={c.label} numeric={c.numeric} className={`pr-3 ${layout === "scroll" && i === 0 ? "sticky left-0 bg-white" : ""}`.trim()}>
          {c.label}
        </Th>
      ))}
    </TableHead>
  );
  if (layout === "scroll")
    return (
      <>
        <div
          role="region"
          aria-label={`${label}: scrolls sideways`}
          tabIndex={0}
          className="max-w-full overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <table className="w-full text-left text-sm" aria-label={label}>
            {head}
            <tbody>
              {rows.map((cells, r) => (
                <tr key={r} className="border-t border-slate-100 align-top">
                  {cells.map((cell, c) => (
                    <Td key={c} numeric={columns[c]?.numeric} className={`py-0.5 pr-3 ${c === 0 ? "sticky left-0 bg-white" : ""}`.trim()}>
                      {cell}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-xs text-slate-600 md:hidden">Wider than a phone: scroll the table sideways; the first column stays in place.</p>
      </>
    );
  return (
    <div className="md:max-w-full md:overflow-x-auto">
      <table className={cardTable} aria-label={label}>
        {head}
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r} className={cardRow}>
              {cells.map((cell, c) => {
                const column = columns[c];
                return (
                  <Td key={c} numeric={column?.numeric} className={`${cardCell} ${column?.subject ? "max-md:font-medium" : ""}`.trim()}>
                    {column && !column.subject && <span className={phoneLabel}>{column.label}: </span>}
                    {cell}
                  </Td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
