import Link from "next/link";
import { SCHEDULE_STATE_LABELS, statusLabel } from "@/lib/labels";
import type { TimelineModel, TimelineRow } from "@/lib/schedule/timeline-model";

/** On a phone the timeline is a list: each item's dates in words, grouped by area. */
export function TimelineList({ model, itemHref }: { model: TimelineModel; itemHref: (key: string) => string }) {
  return (
    <div className="space-y-4" data-testid="timeline-list">
      {model.lanes.map((lane) => (
        <section key={lane.area} aria-label={lane.area}>
          <h2 className="mb-1 font-semibold">
            {lane.area} <span className="font-normal text-slate-600">({lane.rows.length})</span>
          </h2>
          <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
            {lane.rows.map((row) => (
              <li key={row.key} className="px-3 py-2">
                <Link href={itemHref(row.key)} className="font-mono text-indigo-800 underline">
                  {row.key}
                </Link>{" "}
                <span className="text-slate-800">{row.title}</span>
                <p className="text-xs text-slate-700">{rowWords(row)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function rowWords(row: TimelineRow): string {
  const status = `${statusLabel(row.trueStatus)}${row.critical ? " · on the critical path" : ""}`;
  if (row.state === "done") return `${status} · done ${row.doneAt ?? ""}${row.target ? ` · target ${row.target}` : ""}`;
  const target = row.target ? ` · target ${row.target}: ${SCHEDULE_STATE_LABELS[row.state]}` : row.state === "no_target" ? "" : ` · ${SCHEDULE_STATE_LABELS[row.state]}`;
  return `${status} · can start ${row.earliestStart} · finish ${row.earliestFinish}${target}`;
}
