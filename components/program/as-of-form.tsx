import Link from "next/link";
import { DateInput } from "../ui/field";

/**
 * The bitemporal view: "as of" (what was true then) and "known at" (what the tracker had recorded
 * by then). A plain GET form, so it works without JavaScript and lands in the URL.
 */
export function AsOfForm({
  action,
  asOf,
  inForce,
  knownAt,
  hidden = {},
}: {
  action: string;
  asOf?: string;
  /** The date in force when the URL names none (today), so the field always shows what is shown. */
  inForce?: string;
  knownAt?: string;
  hidden?: Record<string, string | undefined>;
}) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="View as of a date">
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <DateInput
        label={
          <span className="text-xs text-slate-600" title="Effective time: the program as it stood at the end of this day">
            As of
          </span>
        }
        name="asOf"
        defaultValue={(asOf ?? inForce)?.slice(0, 10)}
        size={11}
      />
      <DateInput
        label={
          <span
            className="text-xs text-slate-600"
            title="Record time: only what the tracker had recorded by the end of this day counts (empty: everything known today)"
          >
            Known at
          </span>
        }
        name="knownAt"
        defaultValue={knownAt?.slice(0, 10)}
        size={11}
      />
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">
        Apply
      </button>
      {(asOf || knownAt) && (
        <Link href={action} className="py-1 text-indigo-700 hover:underline">
          Back to today
        </Link>
      )}
    </form>
  );
}
