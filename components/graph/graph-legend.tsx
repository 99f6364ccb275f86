import type { GraphNode } from "@/lib/graph-view";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import { statusLabel } from "@/lib/labels";
import { STATUSES } from "@/lib/status";
import { STATUS_COLORS } from "@/lib/status-colors";

/** The key to the graph's colours and marks, each in words, with how many shown items carry it. */
export function GraphLegend({ nodes, illustrativeAfter = null }: { nodes: readonly GraphNode[]; illustrativeAfter?: string | null }) {
  const count = (s: string) => nodes.filter((n) => n.trueStatus === s).length;
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
      <li className="text-slate-600">True status:</li>
      {STATUSES.map((s) => (
        <li key={s} className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-1.5 rounded-sm" style={{ background: STATUS_COLORS[s] }} />
          {statusLabel(s)} <span className="tabular-nums text-slate-600">{count(s)}</span>
        </li>
      ))}
      <li className="inline-flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-4 rounded-sm border-2 border-rose-700" />
        <span>
          <span className="text-rose-800">◆ Critical</span>, red outline: on the critical path
        </span>
      </li>
      <li>
        <span className="text-amber-800">reported …</span>: reported above the verified status
      </li>
      <li>
        <span className="text-red-800">Unowned</span>: nobody owns it
      </li>
      <li className="text-slate-600">Rows are areas; an arrow points from a dependency to what waits on it.</li>
      {illustrativeAfter && (
        <li>
          <IllustrativeMark factsUntil={illustrativeAfter} testId="legend-illustrative-mark" />: every status here is computed after the evidence horizon ({illustrativeAfter})
        </li>
      )}
    </ul>
  );
}
