import type { ReportDifference } from "@/lib/report/diff-reports";
import type { Status } from "@/lib/status";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableHead, Th } from "@/components/ui/data-table";
import { Button } from "@/components/ui/button";
import { LabelledOptions } from "@/components/ui/field";
import Link from "next/link";
import { parseIsoWeek } from "@/lib/iso-week";
import { changeWords } from "@/lib/report/change-words";
import { formatDate } from "@/lib/time";

/** A week as a person picks it: its code and the Monday it starts ("2026-W40, from 2026-09-28"). */
const weekOption = (week: string) => {
  const parsed = parseIsoWeek(week);
  return { value: week, label: parsed ? `${week}, from ${formatDate(parsed.start)}` : week };
};

function WeekSelect({ label, name, weeks, value }: { label: string; name: string; weeks: string[]; value: string }) {
  return (
    <label>
      <span className="text-slate-700">{label}</span>
      <select name={name} defaultValue={value} className="mt-1 block max-w-full rounded border border-slate-300 px-2 py-1 tabular-nums">
        <LabelledOptions options={weeks.map(weekOption)} />
      </select>
    </label>
  );
}

/** Two weeks to compare; a plain GET form, so the comparison is a link. */
export function WeekDiffForm({ action, weeks, a, b, start }: { action: string; weeks: string[]; a: string; b: string; start?: number }) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3" aria-label="Compare two weeks">
      {start !== undefined && start > 0 && <input type="hidden" name="start" value={start} />}
      <WeekSelect label="From week" name="a" weeks={weeks} value={a} />
      <WeekSelect label="To week" name="b" weeks={weeks} value={b} />
      <Button>Compare</Button>
    </form>
  );
}

export interface WeekDiffData {
  a: string;
  b: string;
  figures: { what: string; a: string; b: string }[];
  differences: ReportDifference[];
}

/** Headline figures side by side, each with how much and which way it moved in words, then every item whose true status differs. */
export function WeekDiff({ diff, itemHref }: { diff: WeekDiffData; itemHref: (key: string) => string }) {
  const items = diff.differences.filter((d) => d.kind === "item");
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="week-diff">
      <table className="w-full text-left" aria-label={`Headline figures, ${diff.a} and ${diff.b}`}>
        <TableHead>
          <Th>figure</Th>
          <Th numeric className="font-mono">{diff.a}</Th>
          <Th numeric className="font-mono">{diff.b}</Th>
          <Th>change</Th>
        </TableHead>
        <tbody>
          {diff.figures.map((f) => (
            <tr key={f.what} className={`border-t border-slate-100 ${f.a !== f.b ? "bg-amber-50 font-medium" : ""}`}>
              <td>{f.what}</td>
              <td className="whitespace-nowrap text-right tabular-nums">{f.a}</td>
              <td className="whitespace-nowrap text-right tabular-nums">{f.b}</td>
              <td className={`whitespace-nowrap ${f.a !== f.b ? "text-amber-900" : "text-slate-500"}`}>{changeWords(f.a, f.b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <h3 className="mb-1 font-medium">True status that differs ({items.length})</h3>
        {items.length === 0 ? (
          <p className="text-slate-600">No item&apos;s true status differs between these weeks.</p>
        ) : (
          <table className="w-full text-left" aria-label="Items whose true status differs">
            <TableHead>
              <Th>item</Th>
              <Th className="font-mono">{diff.a}</Th>
              <Th className="font-mono">{diff.b}</Th>
            </TableHead>
            <tbody>
              {items.map((d) => {
                const key = d.what.replace(/ trueStatus$/, "");
                return (
                  <tr key={d.what} className="border-t border-slate-100">
                    <td className="font-mono">
                      <Link href={itemHref(key)} className="text-indigo-700 underline">
                        {key}
                      </Link>
                    </td>
                    <td>{d.was === "not in the program" ? <span className="text-slate-600">{d.was}</span> : <StatusBadge status={d.was as Status} />}</td>
                    <td>{d.now === "not in the program" ? <span className="text-slate-600">{d.now}</span> : <StatusBadge status={d.now as Status} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
