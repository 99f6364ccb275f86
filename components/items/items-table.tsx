import Link from "next/link";
import type { ItemQuery, ListedItem } from "@/lib/items/item-query";
import { StatusBadge } from "@/components/ui/status-badge";

const COLUMNS = [
  { sort: "key", label: "key" },
  { sort: "title", label: "title" },
  { sort: "area", label: "area" },
  { sort: "owner", label: "owner" },
  { sort: "team", label: "team" },
  { sort: "estimateWeeks", label: "estimateWeeks" },
  { sort: "trueStatus", label: "trueStatus" },
  { sort: "reportedStatus", label: "reportedStatus" },
] as const;

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
        <thead className="bg-slate-50 text-xs uppercase text-slate-600">
          <tr>
            {COLUMNS.map((c) => {
              const active = q.sort === c.sort;
              const next = active && q.dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={c.sort}
                  className={`px-3 py-2 font-medium ${c.sort === "estimateWeeks" ? "text-right" : ""}`}
                  aria-sort={active ? (q.dir === "asc" ? "ascending" : "descending") : "none"}
                >
                  <Link href={sortHref(c.sort, next)} className="hover:text-slate-900">
                    {c.label}
                    {active ? (q.dir === "asc" ? " ▲" : " ▼") : ""}
                  </Link>
                </th>
              );
            })}
            <th className="px-3 py-2 font-medium">flags</th>
          </tr>
        </thead>
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
