import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/** A table's header row: small grey capitals, as on every table of the app. */
export function TableHead({ children, shaded = false, caps = true, className = "" }: { children: ReactNode; shaded?: boolean; caps?: boolean; className?: string }) {
  return (
    <thead className={`text-xs text-slate-600 ${caps ? "uppercase" : ""} ${shaded ? "bg-slate-50" : ""} ${className}`}>
      <tr>{children}</tr>
    </thead>
  );
}

/** A header cell; `numeric` right-aligns it over a column of numbers. */
export function Th({ numeric = false, className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <th className={`font-medium ${numeric ? "text-right" : ""} ${className}`.trim()} {...props} />;
}

/** A body cell; `numeric` right-aligns it with figures of one width. */
export function Td({ numeric = false, className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <td className={`${numeric ? "text-right tabular-nums" : ""} ${className}`.trim()} {...props} />;
}

/** A header column: its name, and whether it heads figures (right-aligned) or says more on hover. */
export type HeaderColumn = string | { label: ReactNode; numeric?: boolean; title?: string };

/** A header row from the columns' names, every cell padded alike (`cell`). */
export function HeaderRow({ columns, cell, shaded, caps, className }: { columns: readonly HeaderColumn[]; cell: string; shaded?: boolean; caps?: boolean; className?: string }) {
  return (
    <TableHead shaded={shaded} caps={caps} className={className}>
      {columns.map((c, i) => {
        const { label, numeric, title } = typeof c === "string" ? { label: c, numeric: false, title: undefined } : c;
        return (
          <Th key={i} numeric={numeric} title={title} className={cell}>
            {label}
          </Th>
        );
      })}
    </TableHead>
  );
}
