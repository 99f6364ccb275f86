import Link from "next/link";
import type { ReactNode } from "react";
import type { HeadlineClause } from "@/lib/dashboard/headline-sentence";
import type { Readiness } from "@/lib/readiness/compute-readiness";
import { formatPercentFloor, formatWeeks } from "@/lib/format";
import { startedCount } from "@/lib/status";
import { Definition } from "../ui/definition";

function Card({ label, definition, value, sub, href, testId, bad = false }: {
  label: string;
  definition: string;
  value: string;
  sub?: string;
  href?: string;
  testId: string;
  /** Bad news: the sub-line turns red; its words already say what is wrong. */
  bad?: boolean;
}) {
  const figures = (
    <>
      <p className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
      {sub && <p className={`text-xs ${bad ? "font-medium text-red-700" : "text-slate-600"}`}>{sub}</p>}
    </>
  );
  // The definition's button sits outside the link: a control inside a link would be two targets in one.
  return (
    <div className="rounded border border-slate-200 bg-white p-3">
      <p className="text-xs uppercase tracking-wide text-slate-600">
        <Definition term={definition}>{label}</Definition>
      </p>
      {href ? (
        <Link href={href} className="block hover:text-indigo-800">
          {figures}
        </Link>
      ) : (
        figures
      )}
    </div>
  );
}

/** The dashboard in one sentence; bad news in red and in words, so colour is never alone. */
export function HeadlineSentence({ asOf, clauses, mark }: { asOf: string; clauses: readonly HeadlineClause[]; mark?: ReactNode }) {
  return (
    <p data-testid="headline-sentence" className="text-base leading-relaxed text-slate-900">
      <span className="font-medium">As of {asOf}:</span> {mark && <>{mark} </>}
      {clauses.map((c, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden="true" className="text-slate-400"> · </span>}
          {i > 0 && <span className="sr-only">; </span>}
          <span className={c.bad ? "font-medium text-red-700" : undefined}>{c.text}</span>
        </span>
      ))}
    </p>
  );
}

/** The gap between reported and verified, in words: what the reader would otherwise compute. */
function gap(reported: number, verified: number): string {
  return reported > verified ? `${reported - verified} more than verified` : "no more than verified";
}

/** The first thing seen: verified against reported, and what stands in the way. */
export function Headline({ r, itemsHref }: { r: Readiness; itemsHref: (extra: Record<string, string>) => string }) {
  const verifiedStarted = startedCount(r.byStatus.true, r.total);
  const reportedStarted = startedCount(r.byStatus.reported, r.total);
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <Card
        testId="headline-done"
        label="Done (verified)"
        definition="Items whose true status is done: the done transition carries a 100 % deployment and a second person verified it. No partial credit."
        value={`${r.done} / ${r.total}`}
        sub={`readiness ${formatPercentFloor(r.readiness)} · effort ${formatPercentFloor(r.effortReadiness)}`}
        href={itemsHref({ status: "done" })}
      />
      <Card
        testId="headline-reported-done"
        label="Done (reported)"
        definition="Items whose latest reported status is done, verified or not."
        value={`${r.reportedDone} / ${r.total}`}
        sub={gap(r.reportedDone, r.done)}
        bad={r.reportedDone > r.done}
        href={itemsHref({ reportedStatus: "done" })}
      />
      <Card
        testId="headline-started"
        label="Started (verified)"
        definition="Items whose true status is past not started: a second person verified a move to design or beyond."
        value={`${verifiedStarted} / ${r.total}`}
        sub={`${r.byStatus.true.not_started} not started`}
      />
      <Card
        testId="headline-reported-started"
        label="Started (reported)"
        definition="Items whose latest reported status is past not started, verified or not."
        value={`${reportedStarted} / ${r.total}`}
        sub={gap(reportedStarted, verifiedStarted)}
        bad={reportedStarted > verifiedStarted}
      />
      <Card
        testId="headline-inflated"
        label="Inflated"
        definition="Items whose reported status is above their true (verified) status."
        value={String(r.inflated.length)}
        sub="reported ahead of the evidence"
        bad={r.inflated.length > 0}
        href={itemsHref({ inflated: "1" })}
      />
      <Card
        testId="headline-blocked"
        label="Blocked"
        definition="Items not done with at least one dependency not done (true status)."
        value={String(r.blocked.length)}
        href={itemsHref({ blocked: "1" })}
      />
      <Card
        testId="headline-critical"
        label="Critical path"
        definition="The longest dependency chain weighted by the estimates of items not done. The program cannot finish before asOf + this many weeks, even with unlimited staff."
        value={formatWeeks(r.criticalPath.remainingWeeks)}
        sub={`no earlier than ${r.earliestByDependencies}`}
      />
      <Card
        testId="headline-forecast"
        label="Forecast (P85)"
        definition="Monte Carlo on the verified completions of the last 12 ISO weeks; the honest date is the later of P85 and the critical path's earliest date."
        value={r.forecast.date ?? "none"}
        sub={r.forecast.date ? `P50 ${r.forecast.p50} · P95 ${r.forecast.p95}` : "no verified throughput"}
      />
    </div>
  );
}
