import type { MyAwaitingRow } from "@/db/queries/list-my-awaiting";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatDate } from "@/lib/time";
import { waitedFor } from "@/lib/waited-for";
import { StatusBadge } from "../ui/status-badge";
import { ItemLink } from "./item-link";
import { NewMark } from "./new-mark";

/** What the person reported that no reviewer has decided on: the move, when, and how long it has waited. */
export function AwaitingMineList({ entries, now }: { entries: Marked<MyAwaitingRow>[]; now: number }) {
  return (
    <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label="Reported by me, awaiting verification">
      {entries.map((e) => (
        <li key={e.transitionId} className="space-y-1 p-3" data-testid={`awaiting-${e.transitionId}`}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {e.isNew && <NewMark />}
            <ItemLink program={e.program} programName={e.programName} item={e.item} title={e.title} hash="#history" />
          </div>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-700">
            <span>From</span> <StatusBadge status={e.from} /> <span>to</span> <StatusBadge status={e.to} />
            <span>
              · reported {formatDate(e.recordedAt)} (effective {formatDate(e.effectiveAt)}) · waiting <strong data-testid="waited">{waitedFor(e.recordedAt, now)}</strong>
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
