import Link from "next/link";
import type { ItemQuery } from "@/lib/items/item-query";
import { STATUSES } from "@/lib/status";

const select = "block rounded border border-slate-300 bg-white px-2 py-1";

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
      <input type="hidden" name="sort" value={q.sort} />
      <input type="hidden" name="dir" value={q.dir} />
      <label>
        <span className="text-xs text-slate-600">Search</span>
        <input name="q" type="search" defaultValue={q.q} placeholder="key or title" className={select} />
      </label>
      <label>
        <span className="text-xs text-slate-600">True status</span>
        <select name="status" defaultValue={q.status ?? ""} className={select}>
          <option value="">any</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-xs text-slate-600">Reported status</span>
        <select name="reportedStatus" defaultValue={q.reportedStatus ?? ""} className={select}>
          <option value="">any</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-xs text-slate-600">Area</span>
        <select name="area" defaultValue={q.area ?? ""} className={select}>
          <option value="">any</option>
          {areas.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-xs text-slate-600">Owner</span>
        <select name="owner" defaultValue={q.owner ?? ""} className={select}>
          <option value="">any</option>
          {owners.map((o) => (
            <option key={o.email} value={o.email}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-xs text-slate-600">Team</span>
        <select name="team" defaultValue={q.team ?? ""} className={select}>
          <option value="">any</option>
          {teams.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      {(["blocked", "inflated", "unowned"] as const).map((name) => (
        <label key={name}>
          <span className="text-xs text-slate-600">{name[0]!.toUpperCase() + name.slice(1)}</span>
          <select name={name} defaultValue={flag(q[name])} className={select}>
            <option value="">any</option>
            <option value="1">yes</option>
            <option value="0">no</option>
          </select>
        </label>
      ))}
      <button type="submit" className="rounded bg-indigo-700 px-3 py-1 font-medium text-white hover:bg-indigo-800">
        Filter
      </button>
      <Link href={action} className="py-1 text-indigo-700 hover:underline">
        Clear
      </Link>
    </form>
  );
}
