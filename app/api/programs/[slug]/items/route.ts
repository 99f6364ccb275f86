// POST /api/programs/{slug}/items – add an item (admin); 201 with its key and version
// GET /api/programs/{slug}/items?asOf=&knownAt=&status=&area=&owner=&team=&q=&search=&blocked=&inflated=&unowned=&sort=&dir=&limit=&offset=&fields=
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { createItem } from "@/db/mutations/create-item";
import { readJson } from "@/lib/http/read-json";
import { parseItemQuery, queryItems } from "@/db/queries/query-items";
import { ITEMS_PAGE } from "@/lib/items/item-query";
import { linkHeader, pageOffsets } from "@/lib/items/item-pages";
import { itemViewsAt, pickFields } from "@/lib/items/item-view";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

/** One page of the items (100 unless `limit` says otherwise), the total and the Link to the others. */
export const GET = apiRoute<{ slug: string }>("read", async ({ request, params }) => {
  const url = new URL(request.url);
  const given = parseItemQuery(Object.fromEntries(url.searchParams));
  const query = { ...given, limit: given.limit ?? ITEMS_PAGE };
  const result = await queryItems(await getDb(), params.slug, query);
  // The other pages are read at the same date and moment of knowledge, even across midnight.
  url.searchParams.set("asOf", new Date(result.asOf).toISOString());
  url.searchParams.set("knownAt", new Date(result.knownAt).toISOString());
  return Response.json(pickFields(itemViewsAt(result), query.fields), {
    headers: {
      "x-total-count": String(result.total),
      link: linkHeader(url, pageOffsets(result.total, query.offset, query.limit), query.limit),
    },
  });
});

export const POST = apiRoute<{ slug: string }>("admin", async ({ request, params, actor }) => {
  const made = await createItem(await getDb(), { slug: params.slug, input: await readJson(request), actor });
  return Response.json(made, { status: 201, headers: { location: `/api/programs/${params.slug}/items/${encodeURIComponent(made.key)}` } });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
