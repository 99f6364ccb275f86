import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { ClaimListQuery } from "@/lib/claims/claim-list-query";
import { VERDICTS } from "@/lib/claims/claim-verdict";
import { verdictLabel } from "@/lib/labels";

const select = "block max-w-full rounded border border-slate-300 bg-white px-2 py-1";

/**
 * The claims list's filters as a GET form and its order as two links: every view is a URL, and
 * both work without JavaScript. The as-of view rides along in hidden fields.
 */
export function ClaimsFilterForm({
  action,
  q,
  speakers,
  view,
  href,
}: {
  action: string;
  q: ClaimListQuery;
  speakers: string[];
  view: { asOf?: string; knownAt?: string };
  /** This list's URL with some parameters changed (undefined: removed). */
  href: (changes: Partial<Record<"verdict" | "speaker" | "dir", string | undefined>>) => string;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      {/* Keyed by the query: after a client-side navigation the selects show the new URL, not the old choice. */}
      <form key={`${q.verdict ?? ""}|${q.speaker ?? ""}|${q.dir}`} method="get" action={action} className="flex min-w-0 flex-wrap items-end gap-3" aria-label="Filter claims">
        {view.asOf && <input type="hidden" name="asOf" value={view.asOf} />}
        {view.knownAt && <input type="hidden" name="knownAt" value={view.knownAt} />}
        <input type="hidden" name="dir" value={q.dir} />
        <label className="min-w-0">
          <span className="text-xs text-slate-600">Verdict on its date</span>
          <select name="verdict" defaultValue={q.verdict ?? ""} className={select}>
            <option value="">any</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {verdictLabel(v)}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-0">
          <span className="text-xs text-slate-600">Speaker</span>
          <select name="speaker" defaultValue={q.speaker ?? ""} className={select}>
            <option value="">any</option>
            {speakers.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary">Filter</Button>
        {(q.verdict || q.speaker) && (
          <Link href={href({ verdict: undefined, speaker: undefined })} className="py-1 text-indigo-700 hover:underline">
            Clear filters
          </Link>
        )}
      </form>
      <nav aria-label="Order by date" className="flex items-center gap-1 text-sm">
        <span className="text-xs text-slate-600">Date:</span>
        {(
          [
            ["desc", "newest first"],
            ["asc", "oldest first"],
          ] as const
        ).map(([dir, label]) => (
          <Link
            key={dir}
            href={href({ dir })}
            aria-current={q.dir === dir ? "true" : undefined}
            className={`rounded px-2 py-0.5 ${q.dir === dir ? "bg-indigo-50 font-medium text-indigo-900 ring-1 ring-inset ring-indigo-300" : "text-indigo-700 hover:underline"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
