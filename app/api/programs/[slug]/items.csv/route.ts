// GET /api/programs/{slug}/items.csv?… – the items list with the same filters, as CSV
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { parseItemQuery, queryItems } from "@/db/queries/query-items";
import { toCsv } from "@/lib/csv/to-csv";
import { isIllustrative } from "@/lib/evidence-horizon";
import { toItemView } from "@/lib/items/item-view";

export const dynamic = "force-dynamic";

const COLUMNS = ["key", "title", "area", "owner", "team", "estimateWeeks", "identifiedAt", "dependsOn", "trueStatus", "reportedStatus", "blocked", "inflated", "illustrative"];

export const GET = apiRoute<{ slug: string }>("read", ({ request, params }) => {
  const query = parseItemQuery(Object.fromEntries(new URL(request.url).searchParams));
  const result = queryItems(getDb(), params.slug, query);
  // Every row is computed for the same asOf: past the evidence horizon, all of them are illustrative.
  const illustrative = isIllustrative(result.program.factsUntil, result.asOf);
  return new Response(toCsv(COLUMNS, result.items.map((i) => ({ ...toItemView(i), illustrative }))), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${params.slug}-items.csv"`,
    },
  });
});
