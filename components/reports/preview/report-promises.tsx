import { SCHEDULE_STATE_LABELS } from "@/lib/labels";
import { marginWords, promiseLimitWords, promisesEmptySentence, promisesIntro, PROMISES_TITLE, weeksWords } from "@/lib/report/promise-words";
import type { ReportPromises } from "@/lib/report/report-model";
import { ItemCell } from "./item-key";
import { ReportSection } from "./report-section";
import { ReportTable } from "./report-table";
import { KeepDates, When } from "./report-when";

const STATE_CLASS = { impossible: "font-semibold text-red-800", at_risk: "font-semibold text-amber-800", on_track: "font-semibold text-emerald-800" } as const;

/**
 * Promised dates that can no longer be met: the committed target against the schedule at the
 * cutoff, then each item late against a promise (its own, a dependent's, the program's) — every
 * state in words, the colour only repeating it — or a sentence saying none is.
 */
export function ReportPromises({ promises, slug }: { promises: ReportPromises; slug: string }) {
  const t = promises.programTarget;
  const late = promises.impossible;
  return (
    <ReportSection id="promises" title={`${PROMISES_TITLE} (${late.length})`}>
      {t && (
        <p data-testid="report-committed-target">
          Committed target <When value={t.date} />: <strong className={STATE_CLASS[t.state]}>{SCHEDULE_STATE_LABELS[t.state]}</strong> — earliest finish{" "}
          <When value={t.earliestFinish} />,{" "}
          {marginWords(t.slackWeeks)}.
        </p>
      )}
      {late.length > 0 && <p className="text-sm text-slate-700">{promisesIntro(late.length)}</p>}
      <ReportTable
        label={PROMISES_TITLE}
        columns={[{ label: "item", subject: true }, { label: "target" }, { label: "earliest finish" }, { label: "late by", numeric: true }, { label: "limited by" }]}
        rows={late.map((p) => [
          <ItemCell key="i" slug={slug} itemKey={p.key} title={p.title} />,
          <When key="t" value={p.target} />,
          <When key="e" value={p.earliestFinish} />,
          <span key="l" className="font-medium text-red-800">
            {weeksWords(p.weeksLate)} late
          </span>,
          <KeepDates key="b" text={promiseLimitWords(p)} />,
        ])}
        empty={promisesEmptySentence(promises)}
      />
    </ReportSection>
  );
}
