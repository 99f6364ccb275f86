import Link from "next/link";
import type { EvaluatedClaim } from "@/lib/claims/evaluate-claims";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableHead, Th } from "@/components/ui/data-table";
import type { Status } from "@/lib/status";

/** A true status and whether it reaches what the claim implies. */
function StatusMet({ status, met }: { status: Status; met: boolean }) {
  return (
    <td>
      <StatusBadge status={status} /> <span aria-label={met ? "met" : "not met"}>{met ? "✓" : "✗"}</span>
    </td>
  );
}

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
              <StatusMet status={l.trueStatus} met={l.met} />
              <td>
                <StatusBadge status={l.reportedStatus} />
              </td>
              <StatusMet status={l.trueStatusAsOf} met={l.metAsOf} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
