import Link from "next/link";
import type { ReactNode } from "react";
import type { EvaluatedClaim } from "@/lib/claims/evaluate-claims";
import { statusLabel } from "@/lib/labels";
import { levelOf } from "@/lib/status";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableHead, Th } from "@/components/ui/data-table";

/** Met or not, in words and colour both. */
function Met({ met }: { met: boolean }) {
  return met ? (
    <span className="whitespace-nowrap text-xs font-medium text-emerald-800">✓ met</span>
  ) : (
    <span className="whitespace-nowrap text-xs font-medium text-rose-800">✗ not met</span>
  );
}

// Below the sm breakpoint each row stacks into labelled lines, so a phone never scrolls sideways.
const CELL = "px-2 py-1.5 align-top max-sm:flex max-sm:items-baseline max-sm:gap-2 max-sm:px-0 max-sm:py-0.5";

/** A cell with the column's name in front of it where the header row is hidden (narrow screens). */
function Cell({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <td className={`${CELL} ${className}`.trim()}>
      <span aria-hidden="true" className="w-28 shrink-0 text-xs text-slate-600 sm:hidden">
        {label}
      </span>
      <span>{children}</span>
    </td>
  );
}

/**
 * Each item a claim links to: its title, the status the claim implies, the true status on the
 * claim's date (with the reported one when it said more) and the true status at `asOf`.
 */
export function LinkedItemsTable({
  slug,
  claim,
  titles,
  asOfLabel,
}: {
  slug: string;
  claim: EvaluatedClaim;
  titles: ReadonlyMap<string, string>;
  /** The asOf column's name: "Today (<date>)", or "As of <date>" for a chosen date. */
  asOfLabel: string;
}) {
  if (claim.links.length === 0) return <p className="text-slate-600">This claim is linked to no work item.</p>;
  const onDate = `On ${claim.date}`;
  return (
    <table className="w-full text-left max-sm:block" aria-label={`Items linked to ${claim.id}`}>
      <TableHead caps={false}>
        <Th className="px-2 py-1 max-sm:sr-only">Item</Th>
        <Th className="px-2 py-1 max-sm:sr-only">Claim implies</Th>
        <Th className="px-2 py-1 max-sm:sr-only">{onDate} (true status)</Th>
        <Th className="px-2 py-1 max-sm:sr-only">{asOfLabel}</Th>
      </TableHead>
      <tbody className="max-sm:block">
        {claim.links.map((l) => (
          <tr key={l.item} className="border-t border-slate-100 max-sm:block max-sm:py-2">
            <td className="px-2 py-1.5 align-top max-sm:block max-sm:px-0">
              <Link
                href={`/programs/${slug}/items/${encodeURIComponent(l.item)}?asOf=${claim.date}`}
                className="font-mono text-indigo-800 hover:underline"
              >
                {l.item}
              </Link>{" "}
              <span className="text-slate-800">{titles.get(l.item) ?? ""}</span>
            </td>
            <Cell label="Claim implies">
              <StatusBadge status={l.requires} />
            </Cell>
            <Cell label={onDate}>
              <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
                <StatusBadge status={l.trueStatus} /> <Met met={l.met} />
                {levelOf(l.reportedStatus) > levelOf(l.trueStatus) && (
                  <span className="text-xs text-slate-600">reported {statusLabel(l.reportedStatus).toLowerCase()}, not verified</span>
                )}
              </span>
            </Cell>
            <Cell label={asOfLabel}>
              <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
                <StatusBadge status={l.trueStatusAsOf} /> <Met met={l.metAsOf} />
              </span>
            </Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
