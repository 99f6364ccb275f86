import Link from "next/link";
import { SCHEDULE_STATE_LABELS } from "@/lib/labels";
import type { ScheduleRow } from "@/lib/schedule/schedule-of-snapshot";
import { limitWords, marginWords } from "@/lib/schedule/schedule-words";

const STATE_CLASS = { impossible: "font-medium text-red-700", at_risk: "font-medium text-amber-800", on_track: "text-emerald-800", no_target: "text-slate-700", done: "text-emerald-800" } as const;

/** The item's own line of the critical-path schedule, in words, linking to the timeline. */
export function ItemSchedule({ row, timelineHref }: { row: ScheduleRow | null; timelineHref: string }) {
  return (
    <p className="text-slate-700" data-testid="item-schedule">
      <span className="text-slate-600">Schedule: </span>
      {row === null ? (
        "not in the program on this date."
      ) : row.state === "done" ? (
        <>
          done {row.doneAt ?? ""}
          {row.target && ` · target ${row.target}`}.
        </>
      ) : (
        <>
          can start {row.earliestStart}, finish {row.earliestFinish} at the earliest
          {row.critical && <strong className="text-slate-900"> (on the critical path)</strong>}
          {row.latestFinish && (
            <>
              {" "}
              · latest finish {row.latestFinish} to keep {limitWords({ key: row.key, limitedBy: row.limitedBy! })} · {marginWords(row.slackWeeks!)}
            </>
          )}
          {row.target && ` · target ${row.target}`}
          {" · "}
          <span className={STATE_CLASS[row.state]} data-testid="item-schedule-state">
            {SCHEDULE_STATE_LABELS[row.state]}
          </span>
          .
        </>
      )}{" "}
      <Link href={timelineHref} className="text-indigo-700 underline">
        Timeline
      </Link>
    </p>
  );
}
