// GET /api/programs/{slug}/readiness?asOf=&knownAt= – readiness, critical path and forecast (DESIGN §5–§6)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { getReadiness } from "@/db/queries/get-readiness";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", ({ request, params }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  return Response.json(getReadiness(getDb(), params.slug, asOf, knownAt));
});
