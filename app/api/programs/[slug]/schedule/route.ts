// GET /api/programs/{slug}/schedule?asOf=&knownAt= – when each item can start and finish, against the dates promised
import { apiRoute } from "@/app/_lib/api-handler";
import { chunksResponse } from "@/app/_lib/chunks-response";
import { getDb } from "@/db/get-db";
import { getScheduleBytes } from "@/db/queries/get-schedule";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", async ({ request, params }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  return chunksResponse(await getScheduleBytes(await getDb(), params.slug, asOf, knownAt), { "content-type": "application/json" });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
