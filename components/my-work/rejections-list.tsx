import Link from "next/link";
import type { MyRejectionRow } from "@/db/queries/list-my-rejections";
import { statusLabel } from "@/lib/labels";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatDate } from "@/lib/time";
import { StatusBadge } from "../ui/status-badge";
import { itemPath, ItemLink } from "./item-link";
import { StatusLine, WorkList } from "./work-list";

/**
 * The rejections of what the person reported: the transition, who rejected it, why and when, and
 * what happens next — the way to report again, or the new report waiting for a reviewer.
 */
export function RejectionsList({ entries }: { entries: Marked<MyRejectionRow>[] }) {
  return (
    <WorkList
      label="Rejected"
      entries={entries}
      keyOf={(e) => e.rejectionId}
      testIdOf={(e) => `rejected-${e.transitionId}`}
      head={(e) => <ItemLink program={e.program} programName={e.programName} item={e.item} title={e.title} hash="#history" />}
      body={(e) => (
        <>
          <StatusLine>
            <span>Your report to</span> <StatusBadge status={e.to} />
            <span>
              of {formatDate(e.recordedAt)} was <strong>rejected</strong> by {e.rejectedBy} on {formatDate(e.rejectedAt)}.
            </span>
          </StatusLine>
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
        </>
      )}
    />
  );
}
