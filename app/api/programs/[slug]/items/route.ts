// GET /api/programs/{slug}/items?asOf=&knownAt=&status=&area=&owner=&team=&q=&blocked=&inflated=&unowned=&sort=&dir=&limit=&offset=
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { parseItemQuery, queryItems } from "@/db/queries/query-items";
import { itemViewsAt } from "@/lib/items/item-view";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", ({ request, params }) => {
  const query = parseItemQuery(Object.fromEntries(new URL(request.url).searchParams));
  const result = queryItems(getDb(), params.slug, query);
  return Response.json(itemViewsAt(result), { headers: { "x-total-count": String(result.total) } });
});
