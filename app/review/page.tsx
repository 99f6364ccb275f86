import type { Metadata } from "next";
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

/**
 * Every reported transition no reviewer has acted on, across programs, oldest first: first those the
 * viewer may decide that would move a true status, then theirs that a later verified report has
 * overtaken, then the ones they may not decide on.
 */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const person = await requireSignedIn();
  const search = await searchParams;
  const db = await getDb();
  const program = one(search.program);
  const area = one(search.area);
  const [programs, areas] = await Promise.all([listPrograms(db), listAreas(db, program)]);
  const { total, items, now } = await listAwaitingReview(db, { viewer: person, program, area, limit: LIMIT });
  const yours = items.filter((r) => r.notYours === null && !r.overtaken);
  const overtaken = items.filter((r) => r.notYours === null && r.overtaken);
  const others = items.filter((r) => r.notYours !== null);
  return (
    <section className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Awaiting verification</h1>
        <p className="max-w-3xl text-slate-700">
          Every transition reported that no reviewer has verified or rejected yet, oldest report first. Until a second person
          verifies it, it does not count toward true status. You cannot review a transition you reported, nor one on an item you
          own or owned while it waited. Reports a later verified one has overtaken are listed after the others: deciding them
          moves no true status.
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
              <p className="text-sm text-slate-600">A later verified report has taken each of these items past the status reported: deciding them moves no true status.</p>
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
