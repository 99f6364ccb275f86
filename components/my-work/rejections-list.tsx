import Link from "next/link";
import type { MyRejectionRow } from "@/db/queries/list-my-rejections";
import { statusLabel } from "@/lib/labels";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatDate } from "@/lib/time";
import { StatusBadge } from "../ui/status-badge";
import { itemPath, ItemLink } from "./item-link";
import { NewMark } from "./new-mark";

/**
 * The rejections of what the person reported: the transition, who rejected it, why and when, and
 * what happens next — the way to report again, or the new report waiting for a reviewer.
 */
export function RejectionsList({ entries }: { entries: Marked<MyRejectionRow>[] }) {
  return (
    <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label="Rejected">
      {entries.map((e) => (
        <li key={e.rejectionId} className="space-y-1 p-3" data-testid={`rejected-${e.transitionId}`}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {e.isNew && <NewMark />}
            <ItemLink program={e.program} programName={e.programName} item={e.item} title={e.title} hash="#history" />
          </div>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-700">
            <span>Your report to</span> <StatusBadge status={e.to} />
            <span>
              of {formatDate(e.recordedAt)} was <strong>rejected</strong> by {e.rejectedBy} on {formatDate(e.rejectedAt)}.
            </span>
          </p>
          <p className="whitespace-pre-line text-slate-800 [overflow-wrap:anywhere]" data-testid="reason">
            Reason: {e.reason}
          </p>
          {e.again ? (
            <p className="text-sm text-slate-700" data-testid="reported-again">
              Reported again to {statusLabel(e.again.to)} by {e.again.by} on {formatDate(e.again.recordedAt)}: awaiting verification.
            </p>
          ) : (
            <Link href={`${itemPath(e.program, e.item)}#report`} className="inline-block text-sm font-medium text-indigo-700 hover:underline">
              Report {e.item} again with new evidence
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}
