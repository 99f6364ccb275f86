// GET /api/programs/{slug}/claims.csv?asOf=&knownAt= – the claims comparison as CSV
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { getClaims } from "@/db/queries/get-claims";
import { claimsToCsv } from "@/lib/claims/claims-export";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", async ({ request, params }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  return new Response(claimsToCsv((await getClaims(await getDb(), params.slug, asOf, knownAt)).claims), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${params.slug}-claims.csv"` },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
