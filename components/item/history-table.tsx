import type { ItemDetail } from "@/db/queries/get-item-detail";
import { TableHead, Th } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { EvidenceList } from "./evidence-list";
import { shortInstant } from "./short-instant";
import { VerificationCell } from "./verification-cell";
import type { ReviewActions } from "./verify-form";

const cell = "py-1.5 pr-2";

/**
 * Every reported transition, both times (when it happened, when the tracker learned it), evidence
 * and the decision on it (verified with a note, or rejected with a reason), in effective order.
 */
export function HistoryTable({ history, review }: { history: ItemDetail["history"]; review?: ReviewActions }) {
  if (history.length === 0) return <p className="text-slate-600">No transition reported yet: the item has not started.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left" aria-label="History">
        <TableHead>
          <Th className="py-1 pr-2">to</Th>
          <Th className="py-1 pr-2" title="When it happened">
            effective
          </Th>
          <Th className="py-1 pr-2" title="When the tracker learned it">
            recorded
          </Th>
          <Th className="py-1 pr-2">reported by</Th>
          <Th className="py-1 pr-2">evidence</Th>
          <Th className="py-1 pr-2">verification or rejection</Th>
        </TableHead>
        <tbody>
          {history.map((t) => (
            <tr key={t.id} className={`border-t border-slate-100 align-top ${t.visible ? "" : "text-slate-500"}`} data-testid={`transition-${t.id}`}>
              <td className={cell}>
                <StatusBadge status={t.to} />
                {t.note && <p className="mt-1 max-w-xs text-xs text-slate-700">{t.note}</p>}
              </td>
              <td className={`${cell} whitespace-nowrap`}>{shortInstant(t.effectiveAt)}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {shortInstant(t.recordedAt)}
                {t.recordedAt.slice(0, 10) > t.effectiveAt.slice(0, 10) && <span className="block text-xs text-amber-800">recorded later</span>}
              </td>
              <td className={cell}>{t.byName}</td>
              <td className={cell}>
                <EvidenceList evidence={t.evidence} />
              </td>
              <td className={cell}>
                <VerificationCell t={t} review={review} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
