"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { formatSort, nextSort, parseSort, sortRows, type SortDir, type SortState, type SortValue } from "@/lib/table-sort";
import { TableHead, Th } from "./data-table";

export interface SortableColumn {
  key: string;
  label: string;
  numeric?: boolean;
  /** The direction of a first click: dates and counts read best largest first. */
  firstDir?: SortDir;
}

export interface SortableRow {
  id: string;
  /** What each column sorts by, by column key. */
  values: Record<string, SortValue>;
  /** The cells, in the order of the columns. */
  cells: ReactNode[];
}

export interface SortableTableProps {
  label: string;
  columns: SortableColumn[];
  /**
   * A whole list: in the table's own order; the table sorts it (on the server too, so the first
   * paint is in order). A cut list (`complete` false): sorted by the server before the cut.
   */
  rows: SortableRow[];
  sort: SortState;
  /** The table's own order: a URL without the parameter means it. */
  defaultSort: SortState;
  /** The search parameter that keeps the sort in the URL, so a sorted view can be linked. */
  param: string;
  /**
   * False when the rows are the first part of a longer list: a new sort must then be made on the
   * whole list by the server (the URL changes and the page is asked again), not on the part shown.
   */
  complete: boolean;
}

const dirWord = (dir: SortDir) => (dir === "asc" ? "ascending" : "descending");

function urlWith(param: string, sort: SortState, defaultSort: SortState): string {
  const params = new URLSearchParams(window.location.search);
  const value = formatSort(sort);
  if (value === formatSort(defaultSort)) params.delete(param);
  else params.set(param, value);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
}

/**
 * A table whose column headers sort it: each header is a button (keyboard and pointer alike) and
 * says its order in aria-sort. The first column is pinned while a narrow screen scrolls the table
 * sideways inside its own box; the page itself never scrolls sideways.
 */
export function SortableTable({ label, columns, rows, sort, defaultSort, param, complete }: SortableTableProps) {
  const router = useRouter();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  // A whole list sorts here, by the URL (replaceState keeps useSearchParams in step), so a link
  // without the parameter shows the table's own order again; a cut list shows what the server sent.
  const current = complete ? parseSort(search.get(param) ?? undefined, columns.map((c) => c.key), defaultSort) : sort;
  const shown = complete ? sortRows(rows, current) : rows;
  const columnLabel = columns.find((c) => c.key === current.column)?.label ?? current.column;

  const sortBy = (column: SortableColumn) => {
    const next = nextSort(current, column.key, column.firstDir);
    const url = urlWith(param, next, defaultSort);
    if (complete) window.history.replaceState(null, "", url);
    else startTransition(() => router.replace(url, { scroll: false }));
  };

  return (
    <div className="max-w-full overflow-x-auto">
      <table className="w-full text-left" aria-label={label} aria-busy={pending || undefined}>
        <TableHead caps={false}>
          {columns.map((c, i) => {
            const active = c.key === current.column;
            return (
              <Th
                key={c.key}
                numeric={c.numeric}
                aria-sort={active ? dirWord(current.dir) : "none"}
                className={`whitespace-nowrap ${i === 0 ? "sticky left-0 z-10 bg-white" : ""}`}
              >
                {/* Paper gets the column's name, not a control. */}
                <span className="hidden print:inline">{c.label}</span>
                <button
                  type="button"
                  onClick={() => sortBy(c)}
                  className={`inline-flex print:hidden items-center gap-0.5 rounded px-0.5 hover:text-slate-900 hover:underline ${active ? "font-semibold text-slate-900" : ""}`}
                >
                  {c.label}
                  <span aria-hidden="true" className={active ? "" : "text-slate-400"}>
                    {active ? (current.dir === "asc" ? "▲" : "▼") : "↕"}
                  </span>
                </button>
              </Th>
            );
          })}
        </TableHead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top">
              {row.cells.map((cell, i) => (
                <td
                  key={columns[i]?.key ?? i}
                  className={`${columns[i]?.numeric ? "text-right tabular-nums" : ""} ${i === 0 ? "sticky left-0 bg-white pr-2" : "pr-2"}`.trim()}
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sr-only" role="status">
        {`Sorted by ${columnLabel}, ${dirWord(current.dir)}.`}
      </p>
    </div>
  );
}
