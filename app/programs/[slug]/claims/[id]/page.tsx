import type { Metadata } from "next";
import Link from "next/link";
import { editClaimAction } from "@/app/_actions/claims";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { ClaimForm } from "@/components/claims/claim-form";
import { LinkedItemsTable } from "@/components/claims/linked-items-table";
import { VerdictChip } from "@/components/claims/verdict-chip";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db/get-db";
import { getClaimDetail } from "@/db/queries/get-claims";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { can } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Claim ${decodeURIComponent((await params).id)}` };
}

export default async function ClaimPage({ params, searchParams }: Props) {
  const person = await requireSignedIn();
  const { slug, id: rawId } = await params;
  const id = decodeURIComponent(rawId);
  const { asOf, knownAt } = await pageView(searchParams);
  const db = getDb();
  const claim = orNotFound(() => getClaimDetail(db, slug, id, asOf, knownAt));
  const { steps, firstSupported } = claim.history;
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/programs/${slug}/claims`} className="text-indigo-700 hover:underline">
          ← Claims
        </Link>
      </p>
      <h1 className="text-xl font-semibold">
        {claim.date} · {claim.speaker}
      </h1>
      <blockquote className="border-l-4 border-slate-200 pl-3 text-slate-800">
        {claim.quoteIsParaphrase ? `(paraphrase) ${claim.quote}` : `“${claim.quote}”`}
      </blockquote>
      <p className="flex flex-wrap items-center gap-3">
        on its date <VerdictChip verdict={claim.verdictAtClaimDate} /> as recorded that day <VerdictChip verdict={claim.verdictKnownThen} /> as of{" "}
        {claim.asOf} <span data-testid="verdict-as-of"><VerdictChip verdict={claim.verdictAsOf} /></span>
        <a href={`/api/programs/${slug}/claims/${encodeURIComponent(id)}/claimreview`} className="text-xs text-indigo-700 underline">
          ClaimReview (JSON-LD)
        </a>
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Verdict history" id="verdict-history">
          <p className="mb-2 text-slate-700" data-testid="first-supported">
            {firstSupported ? `First supported on ${firstSupported}.` : `Never supported up to ${claim.asOf}.`}
          </p>
          <ol className="space-y-1" aria-label="Verdict history">
            {steps.map((s) => (
              <li key={s.from} className="flex items-center gap-2">
                <span className="w-24 font-mono text-slate-700">{s.from}</span>
                <VerdictChip verdict={s.verdict} />
                <span className="text-xs text-slate-600">
                  {s.met} of {claim.linked} met
                </span>
              </li>
            ))}
          </ol>
        </Panel>
        <Panel title="Linked items" id="linked">
          <LinkedItemsTable slug={slug} claim={claim} />
        </Panel>
      </div>
      {can(person.role, "admin") && (
        <Panel title="Edit claim" id="edit-claim">
          <ClaimForm
            slug={slug}
            itemKeys={loadProgramHistory(db, slug).items.map((i) => i.key)}
            claim={{ ...claim, version: claim.version, links: claim.links.map((l) => ({ item: l.item, requires: l.requires })) }}
            serverAction={editClaimAction}
          />
        </Panel>
      )}
    </section>
  );
}
