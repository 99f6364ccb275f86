import Link from "next/link";
import { upperFirst } from "@/lib/format";
import { SCHEDULE_STATE_LABELS, statusLabel } from "@/lib/labels";
import type { ScheduleRow } from "@/lib/schedule/schedule-of-snapshot";
import { limitWords, marginWords } from "@/lib/schedule/schedule-words";

const STATE_CLASS = { impossible: "font-medium text-red-700", at_risk: "font-medium text-amber-800", on_track: "text-emerald-800", no_target: "text-slate-700", done: "text-emerald-800" } as const;

/**
 * The item's own line of the critical-path schedule, in words, linking to the timeline: when it
 * can finish (and start, if it has not), then whether that keeps the promise that binds it.
 */
export function ItemSchedule({ row, timelineHref }: { row: ScheduleRow | null; timelineHref: string }) {
  const timeline = (
    <Link href={timelineHref} className="text-indigo-700 underline">
      Timeline
    </Link>
  );
  if (row === null || row.state === "done")
    return (
      <p className="text-slate-700" data-testid="item-schedule">
        <span className="text-slate-600">Schedule: </span>
        {row === null ? "not in the program on this date." : `done ${row.doneAt ?? ""}${row.target ? ` · target ${row.target}` : ""}.`} {timeline}
      </p>
    );
  const underWay = row.trueStatus !== "not_started";
  return (
    <div className="space-y-0.5 text-slate-700" data-testid="item-schedule">
      <p>
        <span className="text-slate-600">Schedule: </span>
        {underWay ? `under way (${statusLabel(row.trueStatus)}), ` : `can start ${row.earliestStart}, `}
        finishes {row.earliestFinish} at the earliest
        {row.critical && <strong className="text-slate-900"> (on the critical path)</strong>}. {timeline}
      </p>
      <p>
        <span className={STATE_CLASS[row.state]} data-testid="item-schedule-state">
          {upperFirst(SCHEDULE_STATE_LABELS[row.state])}
        </span>
        {row.latestFinish ? (
          <>
            : {marginWords(row.slackWeeks!)} — to keep {limitWords({ key: row.key, limitedBy: row.limitedBy! })} it must finish by {row.latestFinish}
            {row.target && row.limitedBy?.key !== row.key && ` (its own target: ${row.target})`}.
          </>
        ) : row.target ? (
          <>: target {row.target}.</>
        ) : (
          "."
        )}
      </p>
    </div>
  );
}
