// GET /api/programs/{slug}/items.csv?… – the items list with the same filters, as CSV: every item unless limit is given
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { parseItemQuery, queryItems } from "@/db/queries/query-items";
import { toCsv } from "@/lib/csv/to-csv";
import { ITEM_VIEW_FIELDS, itemViewsAt } from "@/lib/items/item-view";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

// The API's fields but the owner's display name: the file names owners by e-mail, as it always has.
const COLUMNS = ITEM_VIEW_FIELDS.filter((f) => f !== "ownerName");

export const GET = apiRoute<{ slug: string }>("read", async ({ request, params }) => {
  const query = parseItemQuery(Object.fromEntries(new URL(request.url).searchParams));
  const result = await queryItems(await getDb(), params.slug, query);
  return new Response(toCsv(query.fields ?? COLUMNS, itemViewsAt(result)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${params.slug}-items.csv"`,
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
