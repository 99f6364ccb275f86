import type { RestatementRow } from "@/lib/report/restatement-table";
import { TableHead, Th } from "@/components/ui/data-table";

/** What changed since publication: each figure or item with its published value and today's. */
export function RestatementTable({ rows, label = "Differences since publication" }: { rows: readonly RestatementRow[]; label?: string }) {
  if (rows.length === 0) return <p className="text-slate-600">The published figures could not be read back; the Markdown download of the publication is as stored.</p>;
  return (
    <div className="max-w-full overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label={label}>
        <TableHead caps={false}>
          <Th className="pr-3">figure or item</Th>
          <Th className="pr-3">published</Th>
          <Th>today</Th>
        </TableHead>
        <tbody>
          {rows.map((d) => (
            <tr key={`${d.kind}:${d.what}`} className="border-t border-slate-100 align-top">
              <td className="pr-3">{d.what}</td>
              <td className="pr-3">{d.published}</td>
              <td className="font-medium">{d.today}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
