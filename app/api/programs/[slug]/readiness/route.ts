// GET /api/programs/{slug}/readiness?asOf=&knownAt=&limit= – readiness, critical path and forecast (DESIGN §5–§6)
import { apiRoute } from "@/app/_lib/api-handler";
import { chunksResponse } from "@/app/_lib/chunks-response";
import { getDb } from "@/db/get-db";
import { getReadinessBytes } from "@/db/queries/get-readiness";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";
import { parseListLimit } from "@/lib/validations/list-limit-query";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", async ({ request, params }) => {
  const search = new URL(request.url).searchParams;
  const { asOf, knownAt } = parseAsOfQuery(search);
  const limit = parseListLimit(search);
  return chunksResponse(await getReadinessBytes(await getDb(), params.slug, asOf, knownAt, limit), { "content-type": "application/json" });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
