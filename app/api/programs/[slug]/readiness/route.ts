// GET /api/programs/{slug}/readiness?asOf=&knownAt=&limit= – readiness, critical path and forecast (DESIGN §5–§6)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { getReadinessJson } from "@/db/queries/get-readiness";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";
import { parseListLimit } from "@/lib/validations/list-limit-query";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", ({ request, params }) => {
  const search = new URL(request.url).searchParams;
  const { asOf, knownAt } = parseAsOfQuery(search);
  const limit = parseListLimit(search);
  return new Response(getReadinessJson(getDb(), params.slug, asOf, knownAt, limit), { headers: { "content-type": "application/json" } });
});
