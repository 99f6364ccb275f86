import Link from "next/link";
import { TableHead, Th } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ItemQuery, ListedItem } from "@/lib/items/item-query";
import { FIELD_LABELS } from "@/lib/labels";

const COLUMNS = (["key", "title", "area", "owner", "team", "estimateWeeks", "trueStatus", "reportedStatus"] as const).map((sort) => ({
  sort,
  label: FIELD_LABELS[sort],
}));

/** The items, true and reported status side by side; headers sort through the URL. */
export function ItemsTable({
  items,
  q,
  sortHref,
  itemHref,
}: {
  items: ListedItem[];
  q: ItemQuery;
  sortHref: (sort: string, dir: "asc" | "desc") => string;
  itemHref: (key: string) => string;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left" aria-label="Items">
        <TableHead shaded>
          {COLUMNS.map((c) => {
            const active = q.sort === c.sort;
            const next = active && q.dir === "asc" ? "desc" : "asc";
            return (
              <Th
                key={c.sort}
                numeric={c.sort === "estimateWeeks"}
                className="px-3 py-2"
                aria-sort={active ? (q.dir === "asc" ? "ascending" : "descending") : "none"}
              >
                <Link href={sortHref(c.sort, next)} className="hover:text-slate-900">
                  {c.label}
                  {active ? (q.dir === "asc" ? " ▲" : " ▼") : ""}
                </Link>
              </Th>
            );
          })}
          <Th className="px-3 py-2">flags</Th>
        </TableHead>
        <tbody>
          {items.map((i) => (
            <tr key={i.key} className="border-t border-slate-100">
              <td className="px-3 py-1.5 font-mono">
                <Link href={itemHref(i.key)} className="text-indigo-800 hover:underline">
                  {i.key}
                </Link>
              </td>
              <td className="px-3 py-1.5">{i.title}</td>
              <td className="px-3 py-1.5">{i.area}</td>
              <td className="px-3 py-1.5">{i.ownerName ?? <span className="font-medium text-red-800">unowned</span>}</td>
              <td className="px-3 py-1.5">{i.team}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{i.estimateWeeks}</td>
              <td className="px-3 py-1.5">
                <StatusBadge status={i.trueStatus} />
              </td>
              <td className="px-3 py-1.5">
                <StatusBadge status={i.reportedStatus} />
              </td>
              <td className="px-3 py-1.5 text-xs">
                {i.inflated && <span className="mr-1 rounded bg-orange-100 px-1 text-orange-900">inflated</span>}
                {i.blocked && <span className="rounded bg-slate-200 px-1 text-slate-800">blocked</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
