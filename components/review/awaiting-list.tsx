import Link from "next/link";
import type { AwaitingReview } from "@/db/queries/list-awaiting-review";
import { evidenceKindLabel, statusLabel } from "@/lib/labels";
import { formatDate } from "@/lib/time";
import { waitedFor } from "@/lib/waited-for";
import { StatusBadge } from "../ui/status-badge";

/**
 * Reported transitions awaiting a decision, oldest first, as stacked rows (they read on a phone):
 * item, the status reported and the item's true status today, who reported it and when, its evidence, and either the way to the
 * item's review form or, for one the viewer may not decide on, the rule that stops them.
 */
export function AwaitingList({ rows, now, label }: { rows: AwaitingReview[]; now: number; label: string }) {
  return (
    <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label={label}>
      {rows.map((r) => {
        const item = `/programs/${r.program}/items/${encodeURIComponent(r.item)}`;
        return (
          <li key={r.transitionId} className="space-y-1 p-3" data-testid={`awaiting-${r.transitionId}`}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Link href={item} className="font-medium text-indigo-700 hover:underline">
                <span className="font-mono">{r.item}</span> {r.title}
              </Link>
              <span className="text-slate-600">→</span>
              <StatusBadge status={r.to} />
              <span className="text-xs text-slate-600">
                {r.programName} · {r.area}
              </span>
            </div>
            <p className="text-sm text-slate-700" data-testid="true-status-today">
              True status today: <StatusBadge status={r.trueStatus} />
              {r.overtaken && (
                <span> — already at {statusLabel(r.to)} or past it by a later verified report: deciding this one changes no status today.</span>
              )}
            </p>
            <p className="text-slate-700">
              Reported by {r.reporter} on {formatDate(r.recordedAt)} (effective {formatDate(r.effectiveAt)}) · waiting{" "}
              <strong data-testid="waited">{waitedFor(r.recordedAt, now)}</strong>
            </p>
            <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">
              {r.evidence.length === 0
                ? "No evidence attached."
                : r.evidence.map((e, i) => (
                    <span key={i}>
                      {i > 0 && " · "}
                      {evidenceKindLabel(e.kind)}:{" "}
                      {/* A file without a link is read from the tracker itself. */}
                      <a
                        href={e.url || `/api/programs/${r.program}/artefacts/${e.artefactSha256}`}
                        className="text-indigo-700 underline"
                        rel="noreferrer noopener"
                        target="_blank"
                      >
                        {e.summary || e.url || e.artefactName}
                      </a>
                    </span>
                  ))}
            </p>
            {r.notYours ? (
              <p className="text-sm text-slate-600" data-testid="not-yours">
                Not yours to review: {r.notYours}.
              </p>
            ) : (
              <Link href={`${item}#history`} className="inline-block text-sm font-medium text-indigo-700 hover:underline">
                Verify or reject on the item page
              </Link>
            )}
          </li>
        );
      })}
    </ol>
  );
}
