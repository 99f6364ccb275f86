import Link from "next/link";
import type { EvaluatedClaim } from "@/lib/claims/evaluate-claims";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableHead, Th } from "@/components/ui/data-table";

/** Each item a claim links to: what the claim implies, the true and reported status on its date, and now. */
export function LinkedItemsTable({ slug, claim }: { slug: string; claim: EvaluatedClaim }) {
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 w-full text-left" aria-label={`Items linked to ${claim.id}`}>
        <TableHead caps={false}>
          <Th>item</Th>
          <Th>claim implies</Th>
          <Th>true on {claim.date}</Th>
          <Th>reported on {claim.date}</Th>
          <Th>true as of {claim.asOf}</Th>
        </TableHead>
        <tbody>
          {claim.links.map((l) => (
            <tr key={l.item} className="border-t border-slate-100">
              <td>
                <Link href={`/programs/${slug}/items/${encodeURIComponent(l.item)}?asOf=${claim.date}`} className="font-mono hover:underline">
                  {l.item}
                </Link>
              </td>
              <td>
                <StatusBadge status={l.requires} />
              </td>
              <td>
                <StatusBadge status={l.trueStatus} /> <span aria-label={l.met ? "met" : "not met"}>{l.met ? "✓" : "✗"}</span>
              </td>
              <td>
                <StatusBadge status={l.reportedStatus} />
              </td>
              <td>
                <StatusBadge status={l.trueStatusAsOf} /> <span aria-label={l.metAsOf ? "met" : "not met"}>{l.metAsOf ? "✓" : "✗"}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
