import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableHead, Td, Th } from "@/components/ui/data-table";
import type { RecentVerification } from "@/db/queries/recent-verifications";
import { formatDate } from "@/lib/time";

/** The latest verified moves, newest first: who reported, who confirmed, each row linking to the item. */
export function RecentVerificationsTable({ rows, itemHref }: { rows: readonly RecentVerification[]; itemHref: (key: string) => string }) {
  if (rows.length === 0) return <p className="text-slate-600">No verification yet.</p>;
  return (
    <table className="w-full text-left" aria-label="Last verified changes">
      <TableHead caps={false}>
        <Th>verified</Th>
        <Th>item</Th>
        <Th>to</Th>
        <Th>reported, then verified by</Th>
      </TableHead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.transitionId} className="border-t border-slate-100 align-top">
            <Td className="whitespace-nowrap tabular-nums text-slate-600">{formatDate(v.verifiedAt)}</Td>
            <Td>
              <Link href={itemHref(v.item)} className="hover:underline">
                <span className="font-mono">{v.item}</span> <span className="text-slate-700">{v.title}</span>
              </Link>
            </Td>
            <Td>
              <StatusBadge status={v.to} />
            </Td>
            <Td>
              {v.reportedBy}, then {v.verifiedBy}
            </Td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
