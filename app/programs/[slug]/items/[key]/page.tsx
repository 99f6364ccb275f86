import type { Metadata } from "next";
import { itemTitle } from "@/app/_lib/program-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  addDependencyAction,
  decideTransitionAction,
  editItemAction,
  removeDependencyAction,
  reportTransitionAction,
} from "@/app/_actions/items";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/app/_actions/comments";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentNote } from "@/components/comments/comment-note";
import { AddDependencyForm } from "@/components/item/dependency-forms";
import { EditItemForm } from "@/components/item/edit-item-form";
import { HistoryTable } from "@/components/item/history-table";
import { ItemAbout } from "@/components/item/item-about";
import { ItemSchedule } from "@/components/item/item-schedule";
import { RejectionNotice } from "@/components/item/rejection-notice";
import { RelatedItems } from "@/components/item/related-items";
import { ReportTransitionForm } from "@/components/item/report-transition-form";
import { SignalsTable } from "@/components/item/signals-table";
import { AsOfForm } from "@/components/program/as-of-form";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { AsOfError } from "@/components/program/as-of-error";
import { getDb } from "@/db/get-db";
import { getItemDetail, type ItemDetail } from "@/db/queries/get-item-detail";
import { getSchedule } from "@/db/queries/get-schedule";
import { reportsNotYoursOnItem } from "@/db/queries/list-awaiting-review";
import { listComments } from "@/db/queries/list-comments";
import { listDependencyChoices } from "@/db/queries/list-dependency-choices";
import { listOwnerChoices } from "@/db/queries/list-owner-choices";
import { can } from "@/lib/auth/roles";
import { handleOf } from "@/lib/comments/mention-handle";
import { decodePathSegment } from "@/lib/http/path-encoding";
import { programHref } from "@/lib/program-links";
import type { EvidenceKind } from "@/lib/gates";
import type { RecordedTransition } from "@/lib/preview-transition";
import { formatDate, toInstant } from "@/lib/time";

export const dynamic = "force-dynamic";

/** Up to this many items the dependency choice is a select; beyond it, a key search. */
const SELECT_AT_MOST = 300;

type Props = { params: Promise<{ slug: string; key: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, key } = await params;
  return { title: await itemTitle(slug, decodePathSegment(key)) };
}

export default async function ItemPage({ params, searchParams }: Props) {
  const person = await requireSignedIn();
  const { slug, key: rawKey } = await params;
  const key = decodePathSegment(rawKey) ?? notFound();
  const { view, asOf, knownAt, now, error } = await pageView(searchParams);
  const db = await getDb();
  const item = await orNotFound(async () => await getItemDetail(db, slug, key, asOf, knownAt));
  const schedule = await getSchedule(db, slug, asOf, knownAt);
  // Changes and decisions are made on what is known now, never on a past view of the records.
  const current = knownAt >= now;
  const canReport = can(person.role, "report") && current;
  // A select of every key it may depend on is the quickest pick in a small program; a large one
  // searches keys instead, and what the rule refuses there is said in words.
  const choices = canReport ? await listDependencyChoices(db, slug, key, asOf, knownAt, SELECT_AT_MOST) : [];
  const pick = choices ? { candidates: choices } : { exclude: [key, ...item.dependsOn.map((d) => d.key)] };
  const canVerify = can(person.role, "verify") && current;
  // The reports this viewer may not decide on (their own, their item's), with the rule: no form offered that would be refused.
  const notYours = canVerify ? await reportsNotYoursOnItem(db, person, slug, key, now) : new Map<number, string>();
  const link = (k: string) => `/programs/${slug}/items/${encodeURIComponent(k)}`;
  const here = { slug, itemKey: key };
  // A past "known at" view lists the comments written by then; new ones are written on today's view.
  const comments = await listComments(db, slug, { item: key }, { viewerId: person.id, knownAt });
  const canComment = can(person.role, "comment") && current;
  const commentActions = canComment ? { slug, editAction: editCommentAction, deleteAction: deleteCommentAction } : undefined;

  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p>
            <Link href={`/programs/${slug}/items`} className="text-indigo-700 hover:underline">
              ← Items
            </Link>
          </p>
          <h1 className="text-xl font-semibold">
            <span className="font-mono">{item.key}</span> {item.title}
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-slate-700">
            true <StatusBadge status={item.trueStatus} /> reported <StatusBadge status={item.reportedStatus} /> · as of{" "}
            {item.asOf.slice(0, 10)}
            {!current && <span data-testid="known-at">· as known at {formatDate(knownAt)}</span>}
            {item.illustrative && item.factsUntil && <IllustrativeMark factsUntil={item.factsUntil} />}
          </p>
          <ItemSchedule row={schedule.items.find((r) => r.key === key) ?? null} timelineHref={programHref(slug, "timeline", view, { area: item.area })} />
          {item.reportedRejection && <RejectionNotice status={item.reportedStatus} rejection={item.reportedRejection} />}
        </div>
        <AsOfForm action={link(key)} asOf={view.asOf} knownAt={view.knownAt} />
      </div>
      <AsOfError error={error} />
      {!current && can(person.role, "report") && (
        <p className="text-sm text-slate-700" data-testid="past-view-note">
          This view shows the records as known on {formatDate(knownAt)}: nothing can be changed on it.{" "}
          <Link href={link(key)} className="text-indigo-700 underline">
            Open today&apos;s view
          </Link>{" "}
          to report progress, decide on a report or edit the item.
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <Panel title="About" id="about">
          <ItemAbout item={item} />
        </Panel>
        <Panel title={`Depends on (${item.dependsOn.length})`} id="depends-on">
          <RelatedItems list={item.dependsOn} itemHref={link} remove={canReport ? { ...here, serverAction: removeDependencyAction } : undefined} />
          {canReport && (
            <div className="mt-3">
              <AddDependencyForm slug={slug} itemKey={key} {...pick} serverAction={addDependencyAction} />
            </div>
          )}
        </Panel>
        <Panel title={`Dependents (${item.dependents.length})`} id="dependents">
          <RelatedItems list={item.dependents} itemHref={link} />
        </Panel>
      </div>

      <Panel title="History" id="history">
        <HistoryTable
          slug={slug}
          history={item.history}
          comments={comments}
          review={canVerify ? { actions: { ...here, decideAction: decideTransitionAction }, notYours } : undefined}
          commentActions={commentActions}
        />
        <div className="mt-4 max-w-2xl">
          {canComment ? (
            <CommentForm slug={slug} on="item" target={key} handle={handleOf(person.email)} serverAction={addCommentAction} />
          ) : (
            <CommentNote mayComment={can(person.role, "comment")} todayHref={link(key)} />
          )}
        </div>
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        {canReport && (
          <Panel title="Report progress" id="report">
            <ReportTransitionForm slug={slug} itemKey={key} history={recordedTransitions(item)} serverAction={reportTransitionAction} />
          </Panel>
        )}
        <Panel title={`Signals (${item.signals.length})`} id="signals">
          <SignalsTable signals={item.signals} slug={slug} />
        </Panel>
      </div>

      {canReport && (
        <Panel title="Edit item" id="edit">
          <EditItemForm
            slug={slug}
            itemKey={key}
            item={{ ...item, owner: item.owner }}
            people={await listOwnerChoices(db, item.owner)}
            serverAction={editItemAction}
          />
        </Panel>
      )}
    </section>
  );
}

/** Every transition on record, whatever the view's date: the gate counts them all. */
function recordedTransitions(item: ItemDetail): RecordedTransition[] {
  return item.history.map((t) => ({
    id: t.id,
    to: t.to,
    effectiveAt: toInstant(t.effectiveAt),
    recordedAt: toInstant(t.recordedAt),
    note: t.note,
    evidence: t.evidence.map((e) => ({ kind: e.kind as EvidenceKind, fleetPercent: e.fleetPercent })),
  }));
}
