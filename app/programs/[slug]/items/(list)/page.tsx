import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import { createItemAction } from "@/app/_actions/items";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import type { SearchParams } from "@/app/_lib/page-view";
import { AddItemForm } from "@/components/items/add-item-form";
import { ItemsFilterForm } from "@/components/items/items-filter-form";
import { ItemsTable } from "@/components/items/items-table";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import { Pager } from "@/components/ui/pager";
import { getDb } from "@/db/get-db";
import { listOwnerChoices } from "@/db/queries/list-owner-choices";
import { parseItemQuery, queryItems } from "@/db/queries/query-items";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { fieldErrorsInWords } from "@/lib/form-field-words";
import { isIllustrative } from "@/lib/evidence-horizon";
import { ITEMS_PAGE } from "@/lib/items/item-query";
import { formatDate } from "@/lib/time";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await programTitle((await params).slug, "Items") };
}

function toParams(search: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(search).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

export default async function ItemsPage({ params, searchParams }: Props) {
  const mayAdd = can((await requireSignedIn()).role, "admin");
  const { slug } = await params;
  const raw = toParams(await searchParams);
  let error: string | null = null;
  let q;
  try {
    q = parseItemQuery(raw);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = fieldErrorsInWords(e.errors);
    q = parseItemQuery({});
  }
  const limit = q.limit ?? ITEMS_PAGE;
  const result = await orNotFound(async () => await queryItems(await getDb(), slug, { ...q, limit }));
  const base = `/programs/${slug}/items`;
  // A new sort starts again at the first page; the CSV is every matching item. After a refused
  // query the links lead back to a view that parses, not to the same refusal.
  const { offset: _offset, limit: _limit, ...unpaged } = error ? {} : raw;
  const withParams = (changes: Record<string, string>) => `?${new URLSearchParams({ ...unpaged, ...changes })}`;
  const pager = (
    <Pager
      noun="items"
      total={result.total}
      offset={q.offset}
      shown={result.items.length}
      limit={limit}
      href={(offset) => `${base}${withParams({ ...(q.limit !== undefined && { limit: String(q.limit) }), offset: String(offset) })}`}
    />
  );
  const owners = [...new Map(result.all.filter((i) => i.owner).map((i) => [i.owner!, { email: i.owner!, name: i.ownerName ?? i.owner! }])).values()].sort(
    (a, b) => a.name.localeCompare(b.name),
  );
  const distinct = (f: (i: (typeof result.all)[number]) => string) => [...new Set(result.all.map(f).filter(Boolean))].sort();

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">
          Items ({result.total}
          {result.total !== result.all.length ? ` of ${result.all.length}` : ""})
        </h1>
        <p className="text-slate-600">
          As of {formatDate(result.asOf)}
          {raw.knownAt ? `, known at ${formatDate(result.knownAt)}` : ""}
          {isIllustrative(result.program.factsUntil, result.asOf) && (
            <> <IllustrativeMark factsUntil={formatDate(result.program.factsUntil!)} /></>
          )}{" "}
          ·{" "}
          <a href={`/api/programs/${slug}/items.csv${withParams({})}`} className="text-indigo-700 underline" download>
            Download CSV of this view
          </a>
        </p>
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-800">
          {error}. Showing every item as of today.
        </p>
      )}
      {mayAdd && <AddItemForm slug={slug} serverAction={createItemAction} people={await listOwnerChoices(await getDb(), null)} open={result.all.length === 0} />}
      <ItemsFilterForm
        action={base}
        q={q}
        areas={distinct((i) => i.area)}
        owners={owners}
        teams={distinct((i) => i.team)}
        view={{ asOf: raw.asOf, knownAt: raw.knownAt }}
      />
      {result.all.length === 0 ? (
        <p className="text-slate-600">
          This program has no work items yet.{" "}
          {mayAdd ? "Add them above, one by one, or import a bundle of them as a new program." : "An administrator adds them."}
        </p>
      ) : result.total === 0 ? (
        <p className="text-slate-600">No item matches these filters.</p>
      ) : (
        <>
          <ItemsTable
            items={result.items}
            q={q}
            sortHref={(sort, dir) => `${base}${withParams({ sort, dir })}`}
            itemHref={(key) => `/programs/${slug}/items/${encodeURIComponent(key)}`}
          />
          {pager}
        </>
      )}
    </section>
  );
}
