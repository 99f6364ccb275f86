import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/** A table's header row: small grey capitals, as on every table of the app. */
export function TableHead({ children, shaded = false, caps = true }: { children: ReactNode; shaded?: boolean; caps?: boolean }) {
  return (
    <thead className={`text-xs text-slate-600 ${caps ? "uppercase" : ""} ${shaded ? "bg-slate-50" : ""}`}>
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

/** A table with its accessible name; rows are the caller's. */
export function DataTable({ label, head, children, className = "w-full text-left" }: { label: string; head: ReactNode; children: ReactNode; className?: string }) {
  return (
    <table className={className} aria-label={label}>
      {head}
      <tbody>{children}</tbody>
    </table>
  );
}
