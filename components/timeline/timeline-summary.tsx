import Link from "next/link";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import { SCHEDULE_STATE_LABELS } from "@/lib/labels";
import type { ProgramScheduleRows } from "@/lib/schedule/schedule-of-snapshot";
import type { TimelineModel } from "@/lib/schedule/timeline-model";
import { countOf } from "@/lib/artefacts/count-words";
import { weeksOf } from "@/lib/labels";

/**
 * The schedule in one paragraph: when the program can finish, its target, and the broken promises.
 * `illustrativeAfter` is the evidence horizon when asOf lies past it: every date here is then invented.
 */
export function TimelineSummary({
  schedule,
  counts,
  knownAt,
  itemHref,
  illustrativeAfter = null,
}: {
  schedule: ProgramScheduleRows;
  counts: TimelineModel["counts"];
  knownAt: string | null;
  itemHref: (key: string) => string;
  illustrativeAfter?: string | null;
}) {
  const badTarget = schedule.targetState === "impossible";
  return (
    <div className="space-y-1 rounded border border-slate-200 bg-white p-3" data-testid="timeline-summary">
      <p>
        As of <strong data-testid="as-of">{schedule.asOf}</strong>
        {knownAt ? ` as known at ${knownAt}` : ""}
        {illustrativeAfter && (
          <>
            {" "}
            <IllustrativeMark factsUntil={illustrativeAfter} />
          </>
        )}
        : the program can finish on <strong>{schedule.finish}</strong> at the earliest
        {schedule.finishWeeks > 0 ? ` (${weeksOf(schedule.finishWeeks)} of work on its critical path)` : " (nothing remains)"}.
        {schedule.target && (
          <>
            {" "}
            Committed target {schedule.target}:{" "}
            <strong className={badTarget ? "text-red-700" : schedule.targetState === "at_risk" ? "text-amber-800" : "text-emerald-800"} data-testid="timeline-target-state">
              {SCHEDULE_STATE_LABELS[schedule.targetState!]}
              {badTarget ? " by dependencies" : ""}
            </strong>
            .
          </>
        )}
      </p>
      <p>
        <span className={counts.impossible > 0 ? "font-medium text-red-700" : ""} data-testid="timeline-impossible-count">
          {counts.impossible} {counts.impossible === 1 ? "item's promised date" : "items' promised dates"} can no longer be met
        </span>
        {" · "}
        <span className={counts.atRisk > 0 ? "text-amber-800" : ""}>{counts.atRisk} at risk (under two weeks to spare)</span>
        {" · "}
        {counts.shown === counts.total ? countOf(counts.total, "item") : `${counts.shown} of ${countOf(counts.total, "item")} shown`}
      </p>
      {schedule.criticalPath.length > 0 && (
        <p className="text-slate-700" data-testid="timeline-critical-path">
          Critical path:{" "}
          {schedule.criticalPath.map((k, i) => (
            <span key={k}>
              {i > 0 && " → "}
              <Link href={itemHref(k)} className="font-mono text-indigo-800 hover:underline">
                {k}
              </Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
