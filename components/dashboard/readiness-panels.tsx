import Link from "next/link";
import type { Readiness } from "@/lib/readiness/compute-readiness";
import { metricLabel } from "@/lib/labels";
import { formatDate } from "@/lib/time";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableHead, Th } from "@/components/ui/data-table";

type ItemHref = (key: string) => string;

export function CriticalPathPanel({ r, itemHref }: { r: Readiness; itemHref: ItemHref }) {
  if (r.criticalPath.keys.length === 0) return <p className="text-slate-600">Nothing remains on any dependency chain.</p>;
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
        <dl className="grid grid-cols-4 gap-2 text-center">
          {[
            ["P50", f.p50],
            ["P85", f.p85],
            ["P95", f.p95],
            ["honest date", f.date],
          ].map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="font-mono" data-testid={`forecast-${label!.replace(" ", "-")}`}>
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

// Long lists are cut on the dashboard (a 10,000-item program has thousands of breaches); the
// full lists are one link away.
const SHOWN = 25;

function More({ total, href, what }: { total: number; href?: string; what: string }) {
  if (total <= SHOWN) return null;
  return (
    <p className="mt-1 text-xs text-slate-600">
      {SHOWN} of {total} shown.{" "}
      {href ? (
        <Link href={href} className="text-indigo-700 underline">
          All {total} {what}
        </Link>
      ) : (
        `All ${total} are in the weekly report and in the API's readiness.`
      )}
    </p>
  );
}

export function QualityPanel({ r, itemHref, unownedHref }: { r: Readiness; itemHref: ItemHref; unownedHref: string }) {
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
          <div>
            <table className="w-full text-left" aria-label="Quality breaches">
              <TableHead caps={false}>
                <Th>item</Th>
                <Th>metric</Th>
                <Th numeric>value</Th>
                <Th numeric>needs</Th>
                <Th numeric>measured</Th>
              </TableHead>
              <tbody>
                {breaches.slice(0, SHOWN).map((b) => (
                  <tr key={`${b.key}-${b.metric}`} className="border-t border-slate-100">
                    <td>
                      <Link href={itemHref(b.key)} className="font-mono hover:underline">
                        {b.key}
                      </Link>
                    </td>
                    <td>{metricLabel(b.metric)}</td>
                    <td className="text-right tabular-nums">{b.value}</td>
                    <td className="text-right">{b.threshold}</td>
                    <td className="text-right">{formatDate(b.measuredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <More total={breaches.length} what="breaches" />
          </div>
        )}
      </div>
    </div>
  );
}

export function InflatedList({ r, itemHref, allHref }: { r: Readiness; itemHref: ItemHref; allHref: string }) {
  if (r.inflated.length === 0) return <p className="text-slate-600">No item is reported ahead of its evidence.</p>;
  return (
    <>
    <ul className="space-y-1">
      {r.inflated.slice(0, SHOWN).map((i) => (
        <li key={i.key} className="flex items-center gap-2">
          <Link href={itemHref(i.key)} className="font-mono hover:underline">
            {i.key}
          </Link>
          <span className="text-slate-600">reported</span> <StatusBadge status={i.reported} />
          <span className="text-slate-600">true</span> <StatusBadge status={i.true} />
        </li>
      ))}
    </ul>
    <More total={r.inflated.length} href={allHref} what="inflated items" />
    </>
  );
}
