import Link from "next/link";
import type { StatusCounts } from "@/lib/compute-item-statuses";
import { STATUSES, type Status } from "@/lib/status";
import { StatusBadge } from "@/components/ui/status-badge";

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
      <thead className="text-xs uppercase text-slate-600">
        <tr>
          <th className="py-1 font-medium">status</th>
          <th className="py-1 text-right font-medium" title="Verified by a second person; regressions count at once">
            true
          </th>
          <th className="py-1 text-right font-medium" title="The latest status anyone reported, verified or not">
            reported
          </th>
        </tr>
      </thead>
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
