import Link from "next/link";
import type { StatusCounts } from "@/lib/compute-item-statuses";
import { STATUSES, type Status } from "@/lib/status";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableHead, Th } from "@/components/ui/data-table";

/** True beside reported counts per status: the gap between them is the point. Numbers link to their items. */
export function StatusCountsTable({
  counts,
  href,
}: {
  counts: StatusCounts;
  href: (filter: { status?: Status; reportedStatus?: Status }) => string;
}) {
  return (
    <table className="w-full text-left" aria-label="Items per status">
      <TableHead>
        <Th className="py-1">status</Th>
        <Th numeric className="py-1" title="Verified by a second person; regressions count at once">
          true
        </Th>
        <Th numeric className="py-1" title="The latest status anyone reported, verified or not">
          reported
        </Th>
      </TableHead>
      <tbody>
        {STATUSES.map((s) => (
          <tr key={s} className="border-t border-slate-100" data-testid={`count-${s}`}>
            <td className="py-1">
              <StatusBadge status={s} />
            </td>
            <td className="py-1 text-right tabular-nums">
              <Link href={href({ status: s })} className="hover:underline">
                {counts.true[s]}
              </Link>
            </td>
            <td className="py-1 text-right tabular-nums">
              <Link href={href({ reportedStatus: s })} className="hover:underline">
                {counts.reported[s]}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
