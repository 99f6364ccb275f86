import type { CommentView } from "@/db/queries/comment-views";
import type { ItemDetail } from "@/db/queries/get-item-detail";
import { HeaderRow } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { interleaveTimeline } from "@/lib/comments/interleave-timeline";
import { toInstant } from "@/lib/time";
import type { CommentActions } from "../comments/comment-actions";
import { CommentCard } from "../comments/comment-card";
import { EvidenceList } from "./evidence-list";
import { shortInstant } from "./short-instant";
import { VerificationCell, type ReviewOffer } from "./verification-cell";

// On a phone each row is a card: cells stack at full width, so the decision and its form are
// never cut off at the edge of a table that scrolls sideways.
const cell = "py-1.5 pr-2 max-md:block max-md:py-0.5 max-md:pr-0";
const phoneLabel = "text-xs text-slate-500 md:hidden";
const COLUMNS = 6;

/**
 * The item's timeline: every reported transition, both times (when it happened, when the tracker
 * learned it), evidence and the decision on it (verified with a note, or rejected with a reason),
 * in effective order; each comment stands after what had happened when it was written.
 */
export function HistoryTable({
  slug,
  history,
  comments = [],
  review,
  commentActions,
}: {
  slug: string;
  history: ItemDetail["history"];
  comments?: CommentView[];
  review?: ReviewOffer;
  commentActions?: CommentActions;
}) {
  const rows = interleaveTimeline(history, (t) => toInstant(t.effectiveAt), comments, (c) => toInstant(c.createdAt));
  return (
    <>
      {history.length === 0 && <p className="text-slate-600">No transition reported yet: the item has not started.</p>}
      {rows.length > 0 && (
        <div className="md:overflow-x-auto">
          <table className="w-full text-left max-md:block max-md:[&>tbody]:block max-md:[&>thead]:hidden" aria-label="History">
            <HeaderRow
              cell="py-1 pr-2"
              columns={[
                "to",
                { label: "effective", title: "When it happened" },
                { label: "recorded", title: "When the tracker learned it" },
                "reported by",
                "evidence",
                "verification or rejection",
              ]}
            />
            <tbody>
              {rows.map((r) =>
                r.kind === "comment" ? (
                  <tr key={`c${r.row.id}`} className="border-t border-slate-100 bg-slate-50 align-top max-md:block" data-testid={`comment-${r.row.id}`}>
                    <td className={cell} colSpan={COLUMNS}>
                      {/* Pinned to the left and no wider than the screen: a comment reads without scrolling the table. */}
                      <div className="sticky left-0 max-w-[calc(100vw-4rem)] lg:max-w-3xl">
                        <CommentCard comment={r.row} actions={commentActions} />
                      </div>
                    </td>
                  </tr>
                ) : (
                  <TransitionRow key={r.row.id} t={r.row} slug={slug} review={review} />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function TransitionRow({ t, slug, review }: { t: ItemDetail["history"][number]; slug: string; review?: ReviewOffer }) {
  return (
    <tr className={`border-t border-slate-100 align-top max-md:block max-md:py-2 ${t.visible ? "" : "text-slate-500"}`} data-testid={`transition-${t.id}`}>
      <td className={cell}>
        <StatusBadge status={t.to} />
        {t.note && <p className="mt-1 max-w-xs text-xs text-slate-700">{t.note}</p>}
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <span className={phoneLabel}>effective </span>
        {shortInstant(t.effectiveAt)}
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <span className={phoneLabel}>recorded </span>
        {shortInstant(t.recordedAt)}
        {t.recordedAt.slice(0, 10) > t.effectiveAt.slice(0, 10) && <span className="block text-xs text-amber-800">recorded later</span>}
      </td>
      <td className={cell}>
        <span className={phoneLabel}>reported by </span>
        {t.byName}
      </td>
      <td className={cell}>
        <EvidenceList evidence={t.evidence} slug={slug} />
      </td>
      <td className={cell}>
        <VerificationCell t={t} review={review} />
      </td>
    </tr>
  );
}
