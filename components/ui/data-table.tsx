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

