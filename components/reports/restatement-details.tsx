import { differenceValue, differenceWhat } from "@/lib/labels";
import type { ReportPublication } from "@/lib/report/render-json";
import { TableHead, Th } from "@/components/ui/data-table";

/** What changed in a restated week: figures and statuses, then the Markdown lines. */
export function RestatementDetails({ publication }: { publication: ReportPublication }) {
  const { differences, lines } = publication;
  return (
    <details className="mt-1" data-testid="restatement">
      <summary className="cursor-pointer text-sm text-red-800">
        What changed since publication ({differences.length} {differences.length === 1 ? "figure or status" : "figures or statuses"}, {lines.length}{" "}
        {lines.length === 1 ? "line" : "lines"})
      </summary>
      {differences.length > 0 && (
        <table className="mt-1 text-left text-sm" aria-label="Differences since publication">
          <TableHead caps={false}>
            <Th className="pr-3">what</Th>
            <Th className="pr-3">published</Th>
            <Th>today</Th>
          </TableHead>
          <tbody>
            {differences.map((d) => (
              <tr key={d.what} className="border-t border-slate-100">
                <td className="pr-3">{differenceWhat(d.what)}</td>
                <td className="pr-3">{differenceValue(d.was)}</td>
                <td className="font-medium">{differenceValue(d.now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lines.length > 0 && (
        <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs" aria-label="Markdown lines that differ">
          {lines.map((l) => `${l.op} ${String(l.line).padStart(4)}  ${l.text}`).join("\n")}
        </pre>
      )}
    </details>
  );
}
