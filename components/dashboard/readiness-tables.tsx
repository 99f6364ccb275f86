import type { ReactNode } from "react";
import Link from "next/link";
import type { Readiness } from "@/lib/readiness/compute-readiness";
import type { QualityBreach } from "@/lib/readiness/quality";
import { metricLabel, signalValueWords, thresholdWords } from "@/lib/labels";
import { levelOf } from "@/lib/status";
import { firstBy, formatSort, parseSort, type SortState, type SortValue } from "@/lib/table-sort";
import { formatDate } from "@/lib/time";
import { SortableTable, type SortableColumn } from "@/components/ui/sortable-table";
import { StatusBadge } from "@/components/ui/status-badge";

type ItemHref = (key: string) => string;

// Long lists are cut on the dashboard (a 10,000-item program has thousands of breaches); the
// full lists are one link away. A sort applies to the whole list before the cut.
export const SHOWN = 25;

/** Where a list the dashboard cuts is whole when no items list can show it: the weekly reports and the readiness API. */
export interface WholeLists {
  reports: string;
  readiness: string;
}

export function More({ total, href, what, elsewhere }: { total: number; href?: string; what: string; elsewhere?: WholeLists }) {
  if (total <= SHOWN) return null;
  return (
    <p className="mt-1 text-xs text-slate-600">
      {SHOWN} of {total} shown.{" "}
      {href ? (
        <>
          <Link href={href} className="text-indigo-700 underline print:hidden">
            All {total} {what}
          </Link>
          {/* Paper cannot follow a link: it says where the whole list is. */}
          <span className="hidden print:inline">
            All {total} {what} are listed at {href}.
          </span>
        </>
      ) : elsewhere ? (
        <>
          All {total} are in the{" "}
          <Link href={elsewhere.reports} className="text-indigo-700 underline">
            weekly reports
          </Link>{" "}
          and in the API&apos;s{" "}
          <a href={elsewhere.readiness} className="text-indigo-700 underline">
            readiness (JSON)
          </a>
          .
        </>
      ) : (
        `All ${total} are in the weekly report and in the API's readiness.`
      )}
    </p>
  );
}

/** The key of an item, linking to its page: the pinned first column of every list of items. */
export function ItemKeyLink({ itemKey, href, title }: { itemKey: string; href: string; title?: string }) {
  return (
    <Link href={href} className="whitespace-nowrap font-mono text-indigo-800 hover:underline" title={title}>
      {itemKey}
    </Link>
  );
}

/**
 * A SortableTable of a list the dashboard may cut: a list shown whole stays in its own order (the
 * table sorts it, from the same starting order whatever the sort); a longer one is sorted here on
 * the whole list, then cut to SHOWN rows.
 */
function CutSortableTable<T>({
  list,
  columns,
  defaultSort,
  sortParam,
  id,
  values,
  cells,
  ...table
}: {
  list: readonly T[];
  label: string;
  columns: SortableColumn[];
  defaultSort: SortState;
  param: string;
  sortParam: unknown;
  id: (e: T) => string;
  values: (e: T) => Record<string, SortValue>;
  cells: (e: T) => ReactNode[];
}) {
  const sort = parseSort(sortParam, columns.map((c) => c.key), defaultSort);
  const shown = list.length <= SHOWN ? list : cutOf(list, values, sort);
  const rows = shown.map((e) => ({ id: id(e), values: values(e), cells: cells(e) }));
  return <SortableTable {...table} columns={columns} rows={rows} sort={sort} defaultSort={defaultSort} complete={list.length <= SHOWN} />;
}

// The lists are parts of answers memoised by the log head, so one list object is cut the same way
// until a write replaces it: 20,000 breaches are ranked once per sort, not on every request.
const cuts = new WeakMap<object, Map<string, readonly unknown[]>>();
function cutOf<T>(list: readonly T[], values: (e: T) => Record<string, SortValue>, sort: SortState): readonly T[] {
  let bySort = cuts.get(list);
  if (!bySort) cuts.set(list, (bySort = new Map()));
  const key = formatSort(sort);
  let cut = bySort.get(key) as readonly T[] | undefined;
  if (!cut) bySort.set(key, (cut = firstBy(list, values, sort, SHOWN)));
  return cut;
}

type Inflated = Readiness["inflated"][number];

const INFLATED_COLUMNS: SortableColumn[] = [
  { key: "item", label: "item" },
  { key: "reported", label: "reported" },
  { key: "true", label: "true" },
  { key: "ahead", label: "ahead", numeric: true, firstDir: "desc" },
];
const INFLATED_DEFAULT: SortState = { column: "item", dir: "asc" };

/** Items reported ahead of their verified status, sortable by any column. */
export function InflatedTable({
  r,
  titles,
  itemHref,
  allHref,
  sortParam,
}: {
  r: Readiness;
  titles: ReadonlyMap<string, string>;
  itemHref: ItemHref;
  allHref: string;
  sortParam: unknown;
}) {
  if (r.inflated.length === 0) return <p className="text-slate-600">No item is reported ahead of its evidence.</p>;
  const ahead = (i: Inflated) => levelOf(i.reported) - levelOf(i.true);
  return (
    <>
      <CutSortableTable
        list={r.inflated}
        label="Inflated items"
        columns={INFLATED_COLUMNS}
        defaultSort={INFLATED_DEFAULT}
        param="inflatedSort"
        sortParam={sortParam}
        id={(i) => i.key}
        values={(i) => ({ item: i.key, reported: levelOf(i.reported), true: levelOf(i.true), ahead: ahead(i) })}
        cells={(i) => [
          <ItemKeyLink key="k" itemKey={i.key} href={itemHref(i.key)} title={titles.get(i.key)} />,
          <StatusBadge key="r" status={i.reported} />,
          <StatusBadge key="v" status={i.true} />,
          <span key="a" title={`reported ${ahead(i)} levels above the verified status`}>
            +{ahead(i)}
          </span>,
        ]}
      />
      <More total={r.inflated.length} href={allHref} what="inflated items" />
    </>
  );
}

const BREACH_COLUMNS: SortableColumn[] = [
  { key: "item", label: "item" },
  { key: "metric", label: "metric" },
  { key: "value", label: "value", numeric: true, firstDir: "desc" },
  { key: "needs", label: "needs", numeric: true },
  { key: "measured", label: "measured", numeric: true, firstDir: "desc" },
];
const BREACH_DEFAULT: SortState = { column: "item", dir: "asc" };

/** Quality threshold breaches on the latest signal, sortable by any column. */
export function BreachesTable({
  breaches,
  titles,
  itemHref,
  sortParam,
  wholeLists,
}: {
  breaches: readonly QualityBreach[];
  titles: ReadonlyMap<string, string>;
  itemHref: ItemHref;
  sortParam: unknown;
  wholeLists?: WholeLists;
}) {
  return (
    <>
      <CutSortableTable
        list={breaches}
        label="Quality breaches"
        columns={BREACH_COLUMNS}
        defaultSort={BREACH_DEFAULT}
        param="breachesSort"
        sortParam={sortParam}
        id={(b) => `${b.key}-${b.metric}`}
        values={(b) => ({ item: b.key, metric: metricLabel(b.metric), value: b.value, needs: b.threshold, measured: b.measuredAt })}
        cells={(b) => [
          <ItemKeyLink key="k" itemKey={b.key} href={itemHref(b.key)} title={titles.get(b.key)} />,
          metricLabel(b.metric),
          signalValueWords(b.metric, b.value),
          thresholdWords(b.metric, b.threshold),
          <span key="m" className="whitespace-nowrap">
            {formatDate(b.measuredAt)}
          </span>,
        ]}
      />
      <More total={breaches.length} what="breaches" elsewhere={wholeLists} />
    </>
  );
}
