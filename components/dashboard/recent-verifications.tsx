import { SortableTable, type SortableColumn } from "@/components/ui/sortable-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { RecentVerification } from "@/db/queries/recent-verifications";
import { levelOf } from "@/lib/status";
import { parseSort, type SortState } from "@/lib/table-sort";
import { formatDate } from "@/lib/time";
import { ItemKeyLink } from "./readiness-tables";

const COLUMNS: SortableColumn[] = [
  { key: "item", label: "item" },
  { key: "title", label: "title" },
  { key: "to", label: "to" },
  { key: "verified", label: "verified", numeric: true, firstDir: "desc" },
  { key: "reportedBy", label: "reported by" },
  { key: "verifiedBy", label: "verified by" },
];
// Newest first, as the query reads them.
const DEFAULT: SortState = { column: "verified", dir: "desc" };

const valuesOf = (v: RecentVerification) => ({
  item: v.item,
  title: v.title,
  to: levelOf(v.to),
  verified: v.verifiedAt,
  reportedBy: v.reportedBy,
  verifiedBy: v.verifiedBy,
});

/** The latest verified moves: who reported, who confirmed, each row linking to the item; sortable by any column. */
export function RecentVerificationsTable({
  rows,
  itemHref,
  sortParam,
}: {
  rows: readonly RecentVerification[];
  itemHref: (key: string) => string;
  sortParam: unknown;
}) {
  if (rows.length === 0) return <p className="text-slate-600">No verification yet.</p>;
  const sort = parseSort(sortParam, COLUMNS.map((c) => c.key), DEFAULT);
  // The latest few verifications are the whole list this table is about: it sorts them itself.
  const table = rows.map((v) => ({
    id: String(v.transitionId),
    values: valuesOf(v),
    cells: [
      <ItemKeyLink key="k" itemKey={v.item} href={itemHref(v.item)} />,
      <span key="t" className="text-slate-700">
        {v.title}
      </span>,
      <StatusBadge key="s" status={v.to} />,
      <span key="d" className="whitespace-nowrap text-slate-600">
        {formatDate(v.verifiedAt)}
      </span>,
      v.reportedBy,
      v.verifiedBy,
    ],
  }));
  return <SortableTable label="Last verified changes" columns={COLUMNS} rows={table} sort={sort} defaultSort={DEFAULT} param="verifiedSort" complete />;
}
