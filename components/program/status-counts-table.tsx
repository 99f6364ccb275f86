import type { StatusCounts } from "@/lib/compute-item-statuses";
import { STATUSES } from "@/lib/status";
import { StatusBadge } from "../status-badge";

/** True beside reported counts per status: the gap between them is the point. */
export function StatusCountsTable({ counts }: { counts: StatusCounts }) {
  return (
    <table className="w-full max-w-md text-left" aria-label="Items per status">
      <thead className="text-xs uppercase text-slate-500">
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
            <td className="py-1 text-right tabular-nums">{counts.true[s]}</td>
            <td className="py-1 text-right tabular-nums">{counts.reported[s]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
