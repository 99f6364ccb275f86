import type { ItemDetail } from "@/db/queries/get-item-detail";
import { TableHead, Td, Th } from "@/components/ui/data-table";
import { metricLabel } from "@/lib/labels";

/** The item's measurements, oldest first, each metric in words. */
export function SignalsTable({ signals }: { signals: ItemDetail["signals"] }) {
  if (signals.length === 0) return <p className="text-slate-600">No measurement yet.</p>;
  return (
    <table className="w-full text-left" aria-label="Signals">
      <TableHead>
        <Th>measured</Th>
        <Th>metric</Th>
        <Th numeric>value</Th>
      </TableHead>
      <tbody>
        {signals.map((s, i) => (
          <tr key={i} className="border-t border-slate-100">
            <td>{s.measuredAt.slice(0, 10)}</td>
            <td>{metricLabel(s.metric)}</td>
            <Td numeric>{s.value}</Td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
