import type { OwnedItem } from "@/db/queries/open-my-work";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatMoment } from "@/lib/my-work/since";
import { StatusBadge } from "../ui/status-badge";
import { ItemLink } from "./item-link";
import { NewMark } from "./new-mark";

/** The items the person owns, as stacked rows (they read on a phone): true and reported status, and what is wrong. */
export function OwnedItemsList({ entries }: { entries: Marked<OwnedItem>[] }) {
  return (
    <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label="Items I own">
      {entries.map((e) => (
        <li key={`${e.program}/${e.item}`} className="space-y-1 p-3" data-testid={`owned-${e.program}-${e.item}`}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {e.isNew && <NewMark />}
            <ItemLink program={e.program} programName={e.programName} item={e.item} title={e.title} />
          </div>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-700">
            <span>True status</span> <StatusBadge status={e.trueStatus} />
            <span>· Reported</span> <StatusBadge status={e.reportedStatus} />
          </p>
          {(e.inflated || e.blocked) && (
            <p className="flex flex-wrap gap-x-3 font-medium">
              {e.inflated && <span className="text-red-800">Inflated: reported above what is verified.</span>}
              {e.blocked && <span className="text-amber-900">Blocked: waits on unfinished dependencies.</span>}
            </p>
          )}
          {e.ownedSince !== null && <p className="text-xs text-slate-600">Yours since {formatMoment(e.ownedSince)}</p>}
        </li>
      ))}
    </ol>
  );
}
