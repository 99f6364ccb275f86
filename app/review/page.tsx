import type { Metadata } from "next";
import { requireSignedIn } from "@/app/_lib/auth";
import type { SearchParams } from "@/app/_lib/page-view";
import { AwaitingList } from "@/components/review/awaiting-list";
import { LabelledOptions } from "@/components/ui/field";
import { getDb } from "@/db/get-db";
import { listAwaitingReview } from "@/db/queries/list-awaiting-review";
import { listPrograms } from "@/db/queries/list-programs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Awaiting verification" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const LIMIT = 200;

/** Every reported transition no reviewer has acted on, across programs, oldest first. */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const person = await requireSignedIn();
  const search = await searchParams;
  const db = await getDb();
  const program = one(search.program);
  const area = one(search.area);
  const programs = await listPrograms(db);
  const { total, items, now } = await listAwaitingReview(db, { viewer: person, program, area, limit: LIMIT });
  const yours = items.filter((r) => r.notYours === null);
  const others = items.filter((r) => r.notYours !== null);
  return (
    <section className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Awaiting verification</h1>
        <p className="max-w-3xl text-slate-700">
          Every transition reported that no reviewer has verified or rejected yet, oldest report first. Until a second person
          verifies it, it does not count toward true status. You cannot review a transition you reported, nor one on an item you
          own or owned while it waited.
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
          <input name="area" defaultValue={area ?? ""} placeholder="any" className="mt-1 block w-40 rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">
          Show
        </button>
      </form>
      <p className="text-slate-700" data-testid="awaiting-count">
        {total === 0
          ? "Nothing awaits verification."
          : `${total} transition${total === 1 ? "" : "s"} awaiting verification${total > LIMIT ? ` — the oldest ${LIMIT} are shown` : ""}.`}
      </p>
      {total > 0 && (
        <>
          <section aria-labelledby="yours" className="space-y-2">
            <h2 id="yours" className="font-semibold">
              Yours to review ({yours.length})
            </h2>
            {yours.length === 0 ? <p className="text-slate-600">None of these is yours to review.</p> : <AwaitingList rows={yours} now={now} label="Yours to review" />}
          </section>
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
