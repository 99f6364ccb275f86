// GET, POST /api/programs/{slug}/claims?asOf=&knownAt= – claims with their three verdicts (DESIGN §7); add one (admin)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { createClaim } from "@/db/mutations/manage-claim";
import { getClaims } from "@/db/queries/get-claims";
import { readJson } from "@/lib/http/read-json";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", async ({ request, params }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  return Response.json((await getClaims(await getDb(), params.slug, asOf, knownAt)).claims);
});

export const POST = apiRoute<{ slug: string }>("admin", async ({ request, params, actor }) =>
  Response.json(await createClaim(await getDb(), { slug: params.slug, input: await readJson(request), actor }), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
