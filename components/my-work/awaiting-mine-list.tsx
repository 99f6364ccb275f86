import type { MyAwaitingRow } from "@/db/queries/list-my-awaiting";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatDate } from "@/lib/time";
import { waitedFor } from "@/lib/waited-for";
import { StatusBadge } from "../ui/status-badge";
import { ItemLink } from "./item-link";
import { StatusLine, WorkList } from "./work-list";

/** What the person reported that no reviewer has decided on: the move, when, and how long it has waited. */
export function AwaitingMineList({ entries, now }: { entries: Marked<MyAwaitingRow>[]; now: number }) {
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
        </StatusLine>
      )}
    />
  );
}
