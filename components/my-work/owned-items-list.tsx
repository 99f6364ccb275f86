import type { OwnedItem } from "@/db/queries/open-my-work";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatMoment } from "@/lib/my-work/since";
import { StatusBadge } from "../ui/status-badge";
import { ItemLink } from "./item-link";
import { StatusLine, WorkList } from "./work-list";

/** The items the person owns: true and reported status, and what is wrong. */
export function OwnedItemsList({ entries }: { entries: Marked<OwnedItem>[] }) {
  return (
    <WorkList
      label="Items I own"
      entries={entries}
      keyOf={(e) => `${e.program}/${e.item}`}
      testIdOf={(e) => `owned-${e.program}-${e.item}`}
      head={(e) => <ItemLink program={e.program} programName={e.programName} item={e.item} title={e.title} />}
      body={(e) => (
        <>
          <StatusLine>
            <span>True status</span> <StatusBadge status={e.trueStatus} />
            <span>· Reported</span> <StatusBadge status={e.reportedStatus} />
          </StatusLine>
          {(e.inflated || e.blocked) && (
            <p className="flex flex-wrap gap-x-3 font-medium">
              {e.inflated && <span className="text-red-800">Inflated: reported above what is verified.</span>}
              {e.blocked && <span className="text-amber-900">Blocked: waits on unfinished dependencies.</span>}
            </p>
          )}
          {e.ownedSince !== null && <p className="text-xs text-slate-600">Yours since {formatMoment(e.ownedSince)}</p>}
        </>
      )}
    />
  );
}
