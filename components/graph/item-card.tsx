import Link from "next/link";
import type { GraphNode } from "@/lib/graph-view";
import { formatWeeks } from "@/lib/format";
import { statusLabel } from "@/lib/labels";
import { STATUS_COLORS } from "@/lib/status-colors";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import type { Status } from "@/lib/status";

function Status({ status }: { status: Status }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ background: STATUS_COLORS[status] }} />
      {statusLabel(status)}
    </span>
  );
}

/** What a manager asks of an item on the graph: who, how far (true and reported), how big, waiting on what. */
export function ItemCard({
  item,
  byKey,
  href,
  pinned,
  onClose,
  illustrativeAfter = null,
}: {
  item: GraphNode;
  byKey: ReadonlyMap<string, GraphNode>;
  href: string;
  pinned: boolean;
  onClose: () => void;
  /** The evidence horizon when the statuses shown lie past it. */
  illustrativeAfter?: string | null;
}) {
  const waits = item.waitingOn.map((k) => byKey.get(k)).filter((n): n is GraphNode => n !== undefined);
  return (
    <section aria-label={`${item.key} details`} data-testid="item-card" className="min-w-0 break-words rounded-md border border-slate-300 bg-white p-3 text-[13px] leading-5 shadow-sm">
      <div className="flex items-start gap-2">
        <h2 className="min-w-0 flex-1 font-semibold text-slate-900">
          {item.key} · {item.title}
        </h2>
        {pinned && (
          <button type="button" onClick={onClose} className="-mr-1 -mt-1 rounded px-1.5 text-slate-600 hover:bg-slate-100" aria-label="Clear the selection">
            ×
          </button>
        )}
      </div>
      {illustrativeAfter && (
        <p className="mt-1 text-xs text-slate-700">
          <IllustrativeMark factsUntil={illustrativeAfter} testId="card-illustrative-mark" /> statuses after the evidence horizon ({illustrativeAfter})
        </p>
      )}
      <dl className="mt-1.5 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-slate-700">
        <dt className="text-slate-600">Area</dt>
        <dd>{item.area}</dd>
        <dt className="text-slate-600">Owner</dt>
        <dd>{item.ownerName ?? <span className="font-medium text-red-800">Unowned (a risk)</span>}</dd>
        <dt className="text-slate-600">True status</dt>
        <dd>
          <Status status={item.trueStatus} />
        </dd>
        <dt className="text-slate-600">Reported status</dt>
        <dd>
          <Status status={item.reportedStatus} />
          {item.inflated && <span className="text-amber-800"> · above the verified status</span>}
        </dd>
        <dt className="text-slate-600">Estimate</dt>
        <dd>{formatWeeks(item.estimateWeeks)}</dd>
        <dt className="text-slate-600">Waits on</dt>
        <dd>
          {waits.length === 0 ? (
            item.trueStatus === "done" ? "nothing (done)" : "nothing unfinished"
          ) : (
            <ul>
              {waits.slice(0, 4).map((w) => (
                <li key={w.key} className="truncate">
                  {w.key} {w.title} <span className="text-slate-600">({statusLabel(w.trueStatus)})</span>
                </li>
              ))}
              {waits.length > 4 && <li className="text-slate-600">and {waits.length - 4} more</li>}
            </ul>
          )}
        </dd>
      </dl>
      {item.critical && <p className="mt-1.5 font-medium text-rose-800">◆ On the critical path</p>}
      <p className="mt-2">
        {pinned ? (
          <Link href={href} className="font-medium text-indigo-700 hover:underline">
            Open {item.key} →
          </Link>
        ) : (
          <span className="text-slate-600">Click to select, double-click or Enter to open.</span>
        )}
      </p>
    </section>
  );
}
