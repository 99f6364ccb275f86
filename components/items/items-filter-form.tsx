import Link from "next/link";
import { Button } from "@/components/ui/button";
import { LabelledOptions } from "@/components/ui/field";
import { ITEM_SORTS, type ItemQuery } from "@/lib/items/item-query";
import { FIELD_LABELS, statusLabel } from "@/lib/labels";
import { STATUSES } from "@/lib/status";

const select = "block rounded border border-slate-300 bg-white px-2 py-1";

/** One labelled filter: "any" first, then the choices as value/label pairs. */
function FilterSelect({ label, name, value, options }: { label: string; name: string; value: string; options: readonly { value: string; label: string }[] }) {
  return (
    <label>
      <span className="text-xs text-slate-600">{label}</span>
      <select name={name} defaultValue={value} className={select}>
        <option value="">any</option>
        <LabelledOptions options={options} />
      </select>
    </label>
  );
}

const same = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const STATUS_OPTIONS = STATUSES.map((s) => ({ value: s, label: statusLabel(s) }));
const YES_NO = [
  { value: "1", label: "yes" },
  { value: "0", label: "no" },
];

const SORT_ORDERS = [
  { value: "asc", label: "ascending" },
  { value: "desc", label: "descending" },
];

const FLAGS = [
  { name: "blocked", label: "Blocked" },
  { name: "inflated", label: "Inflated" },
  { name: "unowned", label: "Unowned" },
  { name: "started", label: "Started" },
  { name: "reportedStarted", label: "Reported started" },
] as const;

/** Filters as a GET form: every view is a URL that can be linked and bookmarked. */
export function ItemsFilterForm({
  action,
  q,
  areas,
  owners,
  teams,
  view,
}: {
  action: string;
  q: ItemQuery;
  areas: string[];
  owners: { email: string; name: string }[];
  teams: string[];
  view: { asOf?: string; knownAt?: string };
}) {
  const flag = (v: boolean | undefined) => (v === undefined ? "" : v ? "1" : "0");
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Filter items">
      {view.asOf && <input type="hidden" name="asOf" value={view.asOf} />}
      {view.knownAt && <input type="hidden" name="knownAt" value={view.knownAt} />}
      {/* The table's headers sort from 768 px up; a phone, whose list has no headers, sorts here. */}
      <label className="md:hidden">
        <span className="text-xs text-slate-600">Sort by</span>
        <select name="sort" defaultValue={q.sort} className={select}>
          <LabelledOptions options={ITEM_SORTS.map((s) => ({ value: s, label: FIELD_LABELS[s] }))} />
        </select>
      </label>
      <label className="md:hidden">
        <span className="text-xs text-slate-600">Order</span>
        <select name="dir" defaultValue={q.dir} className={select}>
          <LabelledOptions options={SORT_ORDERS} />
        </select>
      </label>
      <label>
        <span className="text-xs text-slate-600">Search</span>
        <input name="q" type="search" defaultValue={q.q} placeholder="key or title" className={select} />
      </label>
      <FilterSelect label="True status" name="status" value={q.status ?? ""} options={STATUS_OPTIONS} />
      <FilterSelect label="Reported status" name="reportedStatus" value={q.reportedStatus ?? ""} options={STATUS_OPTIONS} />
      <FilterSelect label="Area" name="area" value={q.area ?? ""} options={same(areas)} />
      <FilterSelect label="Owner" name="owner" value={q.owner ?? ""} options={owners.map((o) => ({ value: o.email, label: o.name }))} />
      <FilterSelect label="Team" name="team" value={q.team ?? ""} options={same(teams)} />
      {FLAGS.map(({ name, label }) => (
        <FilterSelect key={name} label={label} name={name} value={flag(q[name])} options={YES_NO} />
      ))}
      <Button>Filter</Button>
      <Link href={action} className="py-1 text-indigo-700 hover:underline">
        Clear
      </Link>
    </form>
  );
}
