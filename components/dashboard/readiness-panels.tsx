import Link from "next/link";
import type { Readiness } from "@/lib/readiness/compute-readiness";
import { BreachesTable, More, SHOWN, type WholeLists } from "./readiness-tables";

type ItemHref = (key: string) => string;

export function CriticalPathPanel({ r, itemHref, timelineHref }: { r: Readiness; itemHref: ItemHref; timelineHref: string }) {
  const timeline = (
    <Link href={timelineHref} className="text-indigo-700 underline">
      Timeline: when each item can start and finish
    </Link>
  );
  if (r.criticalPath.keys.length === 0)
    return (
      <div className="space-y-2">
        <p className="text-slate-600">Nothing remains on any dependency chain.</p>
        <p>{timeline}</p>
      </div>
    );
  return (
    <div className="space-y-2">
      <ol className="flex flex-wrap items-center gap-1" aria-label="Critical path, first dependency first">
        {r.criticalPath.keys.map((k, i) => (
          <li key={k} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden="true" className="text-slate-500">→</span>}
            <Link href={itemHref(k)} className="rounded bg-rose-50 px-1.5 py-0.5 font-mono text-rose-900 ring-1 ring-rose-200 hover:underline">
              {k}
            </Link>
          </li>
        ))}
      </ol>
      <p className="text-slate-700">
        {Number(r.criticalPath.remainingWeeks.toFixed(1))} weeks of unfinished work in a row: no finish before{" "}
        <strong data-testid="earliest-by-dependencies">{r.earliestByDependencies}</strong>, however many people join.
      </p>
      <p>{timeline}</p>
    </div>
  );
}

export function ForecastPanel({ r }: { r: Readiness }) {
  const f = r.forecast;
  return (
    <div className="space-y-2">
      {f.date === null ? (
        <p className="font-medium text-rose-800" data-testid="forecast-reason">
          {f.reason}.
        </p>
      ) : (
        <dl className="grid grid-cols-2 gap-2 text-center sm:grid-cols-4">
          {[
            ["P50", f.p50],
            ["P85", f.p85],
            ["P95", f.p95],
            ["honest date", f.date],
          ].map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="whitespace-nowrap font-mono" data-testid={`forecast-${label!.replace(" ", "-")}`}>
                {value ?? "—"}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="text-xs text-slate-600">
        Verified completions per week, last 12 ISO weeks: {f.sample.map((w) => w.done).join(" · ")}.
        {f.date && ` ${f.trials.toLocaleString("en")} trials; the honest date is the later of P85 and the critical path (${r.earliestByDependencies}).`}
      </p>
    </div>
  );
}

export function QualityPanel({
  r,
  itemHref,
  unownedHref,
  breachesSort,
  wholeLists,
  titles,
}: {
  r: Readiness;
  titles: ReadonlyMap<string, string>;
  itemHref: ItemHref;
  unownedHref: string;
  /** The breaches table's sort, as the URL gives it. */
  breachesSort: unknown;
  /** Where every breach is listed when the dashboard shows only the first. */
  wholeLists?: WholeLists;
}) {
  const { breaches, unowned } = r.quality;
  return (
    <div className="space-y-3">
      <div>
        <h3 className="text-xs uppercase text-slate-600">Unowned items ({unowned.length})</h3>
        {unowned.length === 0 ? (
          <p className="text-slate-600">Every item has an owner.</p>
        ) : (
          <p className="flex flex-wrap gap-1">
            {unowned.slice(0, SHOWN).map((k) => (
              <Link key={k} href={itemHref(k)} className="font-mono text-red-800 hover:underline">
                {k}
              </Link>
            ))}
          </p>
        )}
        <More total={unowned.length} href={unownedHref} what="unowned items" />
      </div>
      <div>
        <h3 className="text-xs uppercase text-slate-600">Threshold breaches on the latest signal ({breaches.length})</h3>
        {breaches.length === 0 ? (
          <p className="text-slate-600">No breach.</p>
        ) : (
          <BreachesTable breaches={breaches} titles={titles} itemHref={itemHref} sortParam={breachesSort} wholeLists={wholeLists} />
        )}
      </div>
    </div>
  );
}
