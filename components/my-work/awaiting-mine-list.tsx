import type { MyAwaiting } from "@/db/queries/open-my-work";
import { statusLabel } from "@/lib/labels";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatDate } from "@/lib/time";
import { waitedFor } from "@/lib/waited-for";
import { StatusBadge } from "../ui/status-badge";
import { ItemLink } from "./item-link";
import { StatusLine, WorkList } from "./work-list";

/**
 * What the person reported that no reviewer has decided on: the move, when, how long it has waited,
 * and, when a later verified report already took the item there or past it, that a decision on it
 * changes no status today.
 */
export function AwaitingMineList({ entries, now }: { entries: Marked<MyAwaiting>[]; now: number }) {
  return (
    <WorkList
      label="Reported by me, awaiting verification"
      entries={entries}
      keyOf={(e) => e.transitionId}
      testIdOf={(e) => `awaiting-${e.transitionId}`}
      head={(e) => <ItemLink program={e.program} programName={e.programName} item={e.item} title={e.title} hash="#history" />}
      body={(e) => (
        <StatusLine>
          <span>From</span> <StatusBadge status={e.from} /> <span>to</span> <StatusBadge status={e.to} />
          <span>
            · reported {formatDate(e.recordedAt)} (effective {formatDate(e.effectiveAt)}) · waiting <strong data-testid="waited">{waitedFor(e.recordedAt, now)}</strong>
          </span>
          {e.overtaken && (
            <span className="basis-full text-sm text-slate-600" data-testid="overtaken">
              {e.trueStatus === e.to ? `Already at ${statusLabel(e.to)} today` : `Already past ${statusLabel(e.to)} today (at ${statusLabel(e.trueStatus)})`} through a
              later verified report: a decision on this one changes no status today, only the item&apos;s past from its date on.
            </span>
          )}
        </StatusLine>
      )}
    />
  );
}
