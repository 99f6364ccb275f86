import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/app/_lib/auth";
import type { SearchParams } from "@/app/_lib/page-view";
import { AwaitingList } from "@/components/review/awaiting-list";
import { LabelledOptions } from "@/components/ui/field";
import { getDb } from "@/db/get-db";
import { listAreas } from "@/db/queries/list-areas";
import { listAwaitingReview } from "@/db/queries/list-awaiting-review";
import { listPrograms } from "@/db/queries/list-programs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Awaiting verification" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const LIMIT = 200;
/** A page number from the address: a whole number from 1, anything else the first page. */
const pageOf = (v: string | undefined) => (v && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : 1);

/**
 * Every reported transition no reviewer has acted on, across programs, 200 a page, oldest first or
 * newest: on each page first those the viewer may decide that would move a true status, then theirs
 * that a later verified report has overtaken, then the ones they may not decide on.
 */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const person = await requireSignedIn();
  const search = await searchParams;
  const db = await getDb();
  const program = one(search.program);
  const area = one(search.area);
  const [programs, areas] = await Promise.all([listPrograms(db), listAreas(db, program)]);
  const newestFirst = one(search.order) === "newest";
  const asked = pageOf(one(search.page));
  const pageOfReports = (p: number) => listAwaitingReview(db, { viewer: person, program, area, limit: LIMIT, offset: (p - 1) * LIMIT, newestFirst });
  let listed = await pageOfReports(asked);
  const pages = Math.max(1, Math.ceil(listed.total / LIMIT));
  // An address past the last page (the list got shorter since) shows the last page.
  const page = Math.min(asked, pages);
  if (page !== asked) listed = await pageOfReports(page);
  const { total, items, now } = listed;
  const href = (changes: { page?: number; order?: string }) => {
    const q = new URLSearchParams();
    if (program) q.set("program", program);
    if (area) q.set("area", area);
    const order = changes.order ?? (newestFirst ? "newest" : "oldest");
    if (order === "newest") q.set("order", "newest");
    const p = changes.page ?? 1;
    if (p > 1) q.set("page", String(p));
    const query = q.toString();
    return query ? `/review?${query}` : "/review";
  };
  const first = (page - 1) * LIMIT + 1;
  const last = Math.min(total, page * LIMIT);
  const yours = items.filter((r) => r.notYours === null && !r.overtaken);
  const overtaken = items.filter((r) => r.notYours === null && r.overtaken);
  const others = items.filter((r) => r.notYours !== null);
  return (
    <section className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Awaiting verification</h1>
        <p className="max-w-3xl text-slate-700">
          Every transition reported that no reviewer has verified or rejected yet. Until a second person verifies it, it does not
          count toward true status. You cannot review a transition you reported, nor one on an item you own or owned while it
          waited. Reports a later verified one has overtaken are listed after the others: deciding them changes no status today,
          but verifying one changes the item&apos;s past — the weeks from its date on, and with them a published week (then
          marked restated) and the verdicts of claims made since.
        </p>
      </div>
      <form method="get" action="/review" className="flex flex-wrap items-end gap-3" aria-label="Filter">
        <label>
          <span className="text-slate-700">Program</span>
          <select name="program" defaultValue={program ?? ""} className="mt-1 block rounded border border-slate-300 px-2 py-1">
            <option value="">All programs</option>
            <LabelledOptions options={programs.map((p) => ({ value: p.slug, label: p.name }))} />
          </select>
        </label>
        <label>
          <span className="text-slate-700">Area</span>
          <select name="area" defaultValue={areas.find((a) => a.toLowerCase() === area?.toLowerCase()) ?? ""} className="mt-1 block rounded border border-slate-300 px-2 py-1">
            <option value="">All areas</option>
            <LabelledOptions options={areas.map((a) => ({ value: a, label: a }))} />
          </select>
        </label>
        <label>
          <span className="text-slate-700">Order</span>
          <select name="order" defaultValue={newestFirst ? "newest" : "oldest"} className="mt-1 block rounded border border-slate-300 px-2 py-1">
            <option value="oldest">Oldest report first</option>
            <option value="newest">Newest report first</option>
          </select>
        </label>
        <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">
          Show
        </button>
      </form>
      <p className="text-slate-700" data-testid="awaiting-count">
        {total === 0
          ? "Nothing awaits verification."
          : `${total} transition${total === 1 ? "" : "s"} awaiting verification${total > LIMIT ? ` — ${first}–${last} shown, ${newestFirst ? "newest" : "oldest"} report first` : ""}.`}
      </p>
      {pages > 1 && (
        <nav aria-label="Pages of reports" className="flex flex-wrap gap-4 text-sm">
          {page > 1 && (
            <Link href={href({ page: page - 1 })} className="text-indigo-700 underline">
              ← Previous {LIMIT}
            </Link>
          )}
          <span className="text-slate-600">
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link href={href({ page: page + 1 })} className="text-indigo-700 underline">
              Next {Math.min(LIMIT, total - page * LIMIT)} →
            </Link>
          )}
          <Link href={href({ order: newestFirst ? "oldest" : "newest" })} className="text-indigo-700 underline">
            {newestFirst ? "Oldest report first" : "Newest report first"}
          </Link>
        </nav>
      )}
      {total > 0 && (
        <>
          <section aria-labelledby="yours" className="space-y-2">
            <h2 id="yours" className="font-semibold">
              Yours to review ({yours.length})
            </h2>
            {yours.length === 0 ? (
              <p className="text-slate-600">{overtaken.length === 0 ? "None of these is yours to review." : "None of yours would move a true status."}</p>
            ) : (
              <AwaitingList rows={yours} now={now} label="Yours to review" />
            )}
          </section>
          {overtaken.length > 0 && (
            <section aria-labelledby="overtaken" className="space-y-2">
              <h2 id="overtaken" className="font-semibold">
                Yours, already overtaken ({overtaken.length})
              </h2>
              <p className="text-sm text-slate-600">
                A later verified report has taken each of these items to the status reported or past it: deciding them changes no status
                today. Verifying one still changes the item&apos;s past from its date on: a published week in that span is marked restated,
                and claims made since may change verdict.
              </p>
              <AwaitingList rows={overtaken} now={now} label="Yours, already overtaken" />
            </section>
          )}
          {others.length > 0 && (
            <section aria-labelledby="others" className="space-y-2">
              <h2 id="others" className="font-semibold">
                Not yours to review ({others.length})
              </h2>
              <AwaitingList rows={others} now={now} label="Not yours to review" />
            </section>
          )}
        </>
      )}
    </section>
  );
}
