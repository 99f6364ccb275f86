import Link from "next/link";
import type { OwnedItem } from "@/db/queries/open-my-work";
import { countOf, formatCount } from "@/lib/artefacts/count-words";
import { foldOwned, LIST_ALL_OWNED_UP_TO, type OwnedFold } from "@/lib/my-work/fold-owned";
import type { Marked } from "@/lib/my-work/mark-new";
import { formatMoment } from "@/lib/my-work/since";
import { programHref } from "@/lib/program-links";
import { StatusBadge } from "../ui/status-badge";
import { ItemLink } from "./item-link";
import { StatusLine, WorkList } from "./work-list";

/**
 * The items the person owns: true and reported status, and what is wrong. Someone who owns many in
 * a program sees those that ask for attention there, and the others counted with a link to them.
 */
export function OwnedItemsList({ entries, ownerEmail }: { entries: Marked<OwnedItem>[]; ownerEmail: string }) {
  const { shown, folds } = foldOwned(entries);
  return (
    <>
      {folds.length > 0 && (
        <p className="max-w-3xl text-slate-700" data-testid="owned-folded">
          You own {formatCount(entries.length)} items. Where you own more than {LIST_ALL_OWNED_UP_TO} in a program, only those that
          are new, inflated or blocked are listed; the other {formatCount(entries.length - shown.length)} are counted by program
          after the list.
        </p>
      )}
      {shown.length > 0 && (
        <WorkList
          label="Items I own"
          entries={shown}
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
              {e.ownedSince !== null && (
                <p className="text-xs text-slate-600">
                  {e.ownedFromCreation
                    ? `Yours since it came into the tracker, ${formatMoment(e.ownedSince)} (who owned it before is not recorded)`
                    : `Yours since ${formatMoment(e.ownedSince)}`}
                </p>
              )}
            </>
          )}
        />
      )}
      {folds.length > 0 && <FoldedOwned folds={folds} ownerEmail={ownerEmail} />}
    </>
  );
}

/** Per program, the owned items not listed, with a link to all of the person's items there. */
function FoldedOwned({ folds, ownerEmail }: { folds: OwnedFold[]; ownerEmail: string }) {
  return (
    <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label="Other items I own, by program">
      {folds.map((f) => (
        <li key={f.program} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 p-3" data-testid={`owned-folded-${f.program}`}>
          <span className="font-medium">{f.programName}</span>
          <span className="text-slate-700">
            {countOf(f.folded, "other item")}, none new, inflated or blocked.
          </span>
          <Link href={programHref(f.program, "items", {}, { owner: ownerEmail })} className="text-indigo-700 hover:underline">
            All {formatCount(f.total)} of yours in its items list
          </Link>
        </li>
      ))}
    </ul>
  );
}
