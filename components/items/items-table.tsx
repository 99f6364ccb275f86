import Link from "next/link";
import type { ReactNode } from "react";
import { TableHead, Th } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ItemQuery, ListedItem } from "@/lib/items/item-query";
import { FIELD_LABELS } from "@/lib/labels";

const COLUMNS = (["key", "title", "area", "owner", "team", "estimateWeeks", "trueStatus", "reportedStatus"] as const).map((sort) => ({
  sort,
  label: FIELD_LABELS[sort],
}));

/** A cell: a column on a wide screen; on a phone, part of its row's card (key and title, then the details, then the statuses). */
const CELL = "inline md:table-cell md:px-3 md:py-1.5";
const PHONE_DETAIL = "max-md:text-xs max-md:text-slate-600";

function PhoneOnly({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <span className={`md:hidden ${className}`}>{children}</span>;
}

/**
 * The items, true and reported status side by side; headers sort through the URL. On a phone each
 * item is a card whose statuses are in view, not a table scrolled sideways to reach them.
 */
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
    <div className="rounded border border-slate-200 bg-white md:overflow-x-auto">
      <table className="w-full text-left" aria-label="Items">
        <TableHead shaded className="max-md:hidden">
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
            <tr key={i.key} className="block border-t border-slate-100 px-3 py-2 md:table-row md:p-0">
              <td className={`${CELL} whitespace-nowrap font-mono`}>
                <Link href={itemHref(i.key)} className="text-indigo-800 hover:underline">
                  {i.key}
                </Link>
                <span className="md:hidden"> </span>
              </td>
              <td className={CELL}>{i.title}</td>
              <td className={`${CELL} ${PHONE_DETAIL}`}>
                <span className="md:hidden">
                  <br />
                </span>
                {i.area}
              </td>
              <td className={`${CELL} ${PHONE_DETAIL}`}>
                <PhoneOnly> · </PhoneOnly>
                {i.ownerName ?? <span className="font-medium text-red-800">unowned</span>}
              </td>
              <td className={`${CELL} ${PHONE_DETAIL}`}>
                <PhoneOnly> · </PhoneOnly>
                {i.team}
              </td>
              <td className={`${CELL} ${PHONE_DETAIL} md:text-right md:tabular-nums`}>
                <PhoneOnly> · </PhoneOnly>
                {i.estimateWeeks}
                <PhoneOnly> weeks</PhoneOnly>
              </td>
              <td className={`${CELL} max-md:mr-3`}>
                <PhoneOnly className="text-xs leading-7 text-slate-600">
                  <br />
                  true{" "}
                </PhoneOnly>
                <StatusBadge status={i.trueStatus} />
              </td>
              <td className={`${CELL} max-md:ml-3`}>
                <PhoneOnly className="text-xs text-slate-600">reported </PhoneOnly>
                <StatusBadge status={i.reportedStatus} />
              </td>
              <td className={`${CELL} text-xs max-md:ml-3`}>
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
