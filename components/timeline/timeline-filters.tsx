import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, LabelledOptions, Options, Select } from "@/components/ui/field";
import { ZOOMS, type TimelineFilters as Filters, type Zoom } from "@/lib/schedule/timeline-model";

const ZOOM_LABELS: Record<Zoom, string> = { quarter: "Whole program", month: "Months", week: "Weeks" };

/** Filters (a plain GET form, so they land in the URL) and the zoom, as links keeping everything else. */
export function TimelineFilters({
  action,
  filters,
  zoom,
  areas,
  owners,
  keep,
  zoomHref,
}: {
  action: string;
  filters: Filters;
  zoom: Zoom;
  areas: readonly string[];
  owners: readonly { email: string; name: string }[];
  /** asOf/knownAt/zoom: carried by the form as they are. */
  keep: Record<string, string | undefined>;
  zoomHref: (zoom: Zoom) => string;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Filter the timeline">
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <Field label="Area">
          <Select name="area" defaultValue={filters.area ?? ""}>
            <option value="">All areas</option>
            <Options values={areas} />
          </Select>
        </Field>
        <Field label="Owner">
          <Select name="owner" defaultValue={filters.owner ?? ""}>
            <option value="">Anyone</option>
            <LabelledOptions options={owners.map((o) => ({ value: o.email, label: o.name }))} />
          </Select>
        </Field>
        <label className="flex items-center gap-1.5 pb-1.5">
          <input type="checkbox" name="risky" value="1" defaultChecked={filters.risky} />
          Impossible or at risk only
        </label>
        <Button variant="secondary">Show</Button>
      </form>
      <nav aria-label="Zoom" className="flex gap-1">
        {ZOOMS.map((z) => (
          <Link
            key={z}
            href={zoomHref(z)}
            aria-current={z === zoom ? "true" : undefined}
            className={`rounded border px-2 py-1 ${z === zoom ? "border-indigo-700 bg-indigo-50 font-medium text-indigo-800" : "border-slate-300 text-slate-700 hover:bg-slate-100"}`}
          >
            {ZOOM_LABELS[z]}
          </Link>
        ))}
      </nav>
    </div>
  );
}
