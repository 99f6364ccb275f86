import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { editClaimAction } from "@/app/_actions/claims";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/app/_actions/comments";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { asOfLabel } from "@/components/claims/as-of-label";
import { AsOfError } from "@/components/program/as-of-error";
import { ClaimChips } from "@/components/claims/claim-chips";
import { ClaimForm } from "@/components/claims/claim-form";
import { ClaimHeadline } from "@/components/claims/claim-headline";
import { ClaimVerdicts } from "@/components/claims/claim-verdicts";
import { LinkedItemsTable } from "@/components/claims/linked-items-table";
import { VerdictChip } from "@/components/claims/verdict-chip";
import { VerdictRating } from "@/components/claims/verdict-rating";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentList } from "@/components/comments/comment-list";
import { CommentNote } from "@/components/comments/comment-note";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db/get-db";
import { getClaimDetail } from "@/db/queries/get-claims";
import { listComments } from "@/db/queries/list-comments";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { can } from "@/lib/auth/roles";
import { decodePathSegment } from "@/lib/http/path-encoding";
import { claimRuling } from "@/lib/claims/ruling";
import { handleOf } from "@/lib/comments/mention-handle";
import { sourceHost } from "@/lib/claims/source-host";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const asked = decodePathSegment(id);
  return { title: await programTitle(slug, `Claim ${asked !== null && asked.length <= 40 ? asked : "not found"}`) };
}

/** A query string from parameters, leaving out the empty ones. */
function queryOf(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return query ? `?${query}` : "";
}

export default async function ClaimPage({ params, searchParams }: Props) {
  const person = await requireSignedIn();
  const { slug, id: rawId } = await params;
  const id = decodePathSegment(rawId) ?? notFound();
  const { search, view, asOf, knownAt, now, error } = await pageView(searchParams);
  const db = await getDb();
  const claim = await orNotFound(async () => await getClaimDetail(db, slug, id, asOf, knownAt));
  const history = await loadProgramHistory(db, slug);
  const titles = new Map(history.items.map((i) => [i.key, i.title]));
  const ruling = claimRuling(claim);
  const { steps, firstSupported } = claim.history;
  const isAdmin = can(person.role, "admin");
  const editing = isAdmin && search.edit === "1";
  const page = `/programs/${slug}/claims/${encodeURIComponent(id)}`;
  const nowLabel = asOfLabel(view.asOf, claim.asOf);
  // A past "known at" view lists the comments written by then; new ones are written on today's view.
  const comments = await listComments(db, slug, { claim: id }, { viewerId: person.id, knownAt });
  const canComment = can(person.role, "comment") && knownAt >= now;
  return (
    <article className="space-y-5" aria-labelledby="claim-headline">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href={`/programs/${slug}/claims${queryOf({ ...view })}`} className="text-indigo-700 hover:underline">
          ← All claims
        </Link>
        {isAdmin && !editing && (
          <Link
            href={`${page}${queryOf({ ...view, edit: "1" })}#edit-claim`}
            className="rounded border border-slate-300 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-100 print:hidden"
          >
            Edit claim
          </Link>
        )}
      </div>

      <AsOfError error={error} />

      <header className="space-y-3">
        <ClaimChips claim={claim} />
        <div id="claim-headline">
          <ClaimHeadline level={1} quote={claim.quote} paraphrase={claim.quoteIsParaphrase} implies={claim.implies} />
        </div>
        <p className="max-w-3xl text-slate-700 [overflow-wrap:anywhere]" data-testid="claim-attribution">
          Said by <span className="font-medium text-slate-900">{claim.speaker}</span>
          {claim.venue && <>, {claim.venue}</>}, on{" "}
          <time dateTime={claim.date} className="whitespace-nowrap">
            {claim.date}
          </time>
          {claim.datePrecision !== "day" && " (day approximate)"}.{claim.dateNote && <> {claim.dateNote}</>}
        </p>
        <p className="text-slate-700 [overflow-wrap:anywhere]">
          Source:{" "}
          <a href={claim.url} data-testid="claim-source" className="text-indigo-700 underline" rel="noreferrer noopener" target="_blank">
            {sourceHost(claim.url)}
          </a>{" "}
          <span className="text-xs text-slate-600">{claim.url}</span>
        </p>
      </header>

      <section aria-labelledby="rating" className="space-y-3 rounded border border-slate-200 bg-white p-4">
        <h2 id="rating" className="text-xs font-medium uppercase tracking-wide text-slate-600">
          Rating on {claim.date}, with everything the tracker knows
        </h2>
        <VerdictRating verdict={claim.verdictAtClaimDate} />
        {claim.illustrativeAtClaimDate && claim.factsUntil && (
          <p className="text-xs text-slate-700" data-testid="rating-illustrative">
            <IllustrativeMark factsUntil={claim.factsUntil} /> Rated against work records after the evidence horizon ({claim.factsUntil}):
            invented continuation, not fact.
          </p>
        )}
        <ClaimVerdicts claim={claim} asOfLabel={nowLabel} className="gap-x-6" />
        <div>
          <h2 className="font-semibold">Ruling</h2>
          <p className="mt-1 max-w-3xl text-base leading-relaxed text-slate-800" data-testid="ruling">
            {ruling.text}
          </p>
        </div>
      </section>

      <Panel title={`Linked items (${claim.linked})`} id="linked">
        <LinkedItemsTable slug={slug} claim={claim} titles={titles} asOfLabel={nowLabel} />
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Verdict history" id="verdict-history">
          <p className="mb-2 text-slate-700" data-testid="first-supported">
            {firstSupported ? `First fully supported on ${firstSupported}.` : `Never fully supported up to ${claim.asOf}.`}
          </p>
          <ol className="space-y-1" aria-label="Verdict history">
            {steps.map((s) => (
              <li key={s.from} className="flex flex-wrap items-center gap-2">
                <time dateTime={s.from} className="w-24 tabular-nums text-slate-700">
                  {s.from}
                </time>
                <VerdictChip verdict={s.verdict} />
                <span className="text-xs text-slate-600">
                  {s.met} of {claim.linked} met
                </span>
              </li>
            ))}
          </ol>
        </Panel>
        <Panel title="Sources" id="sources">
          <ul className="list-disc space-y-1.5 pl-5 [overflow-wrap:anywhere]">
            <li>
              The statement: {claim.venue || claim.speaker},{" "}
              <a href={claim.url} className="text-indigo-700 underline" rel="noreferrer noopener" target="_blank">
                {claim.url}
              </a>
            </li>
            {claim.links.length > 0 && (
              <li>
                The evidence and verifications of each linked item, as of {claim.date}:{" "}
                {claim.links.map((l, i) => (
                  <span key={l.item}>
                    {i > 0 && ", "}
                    <Link href={`/programs/${slug}/items/${encodeURIComponent(l.item)}?asOf=${claim.date}`} className="font-mono text-indigo-700 underline">
                      {l.item}
                    </Link>
                  </span>
                ))}
              </li>
            )}
            <li>
              How the verdict is computed: <Link href="/rules#claims" className="text-indigo-700 underline">the verdict rules</Link>
            </li>
            <li>
              This fact-check as data:{" "}
              <a href={`/api/programs/${slug}/claims/${encodeURIComponent(id)}/claimreview`} className="text-indigo-700 underline">
                ClaimReview (JSON-LD)
              </a>
            </li>
          </ul>
        </Panel>
      </div>

      <Panel title={`Discussion (${comments.filter((c) => c.deletedAt === null).length})`} id="discussion">
        <CommentList
          comments={comments}
          label="Discussion"
          actions={canComment ? { slug, editAction: editCommentAction, deleteAction: deleteCommentAction } : undefined}
        />
        <div className="mt-4 max-w-2xl">
          {canComment ? (
            <CommentForm slug={slug} on="claim" target={id} handle={handleOf(person.email)} serverAction={addCommentAction} />
          ) : (
            <CommentNote mayComment={can(person.role, "comment")} todayHref={page} />
          )}
        </div>
      </Panel>

      {editing && (
        <Panel title="Edit claim" id="edit-claim">
          <ClaimForm
            slug={slug}
            itemKeys={history.items.map((i) => i.key)}
            claim={{
              id: claim.id,
              date: claim.date,
              datePrecision: claim.datePrecision,
              dateNote: claim.dateNote,
              speaker: claim.speaker,
              venue: claim.venue,
              quote: claim.quote,
              quoteIsParaphrase: claim.quoteIsParaphrase,
              url: claim.url,
              kind: claim.kind,
              implies: claim.implies ?? "",
              links: claim.links.map((l) => ({ item: l.item, requires: l.requires })),
              version: claim.version,
            }}
            serverAction={editClaimAction}
          />
          <p className="mt-2">
            <Link href={`${page}${queryOf({ ...view })}`} className="text-indigo-700 hover:underline">
              Close without saving
            </Link>
          </p>
        </Panel>
      )}
    </article>
  );
}
