// GET /api/programs/{slug}/claims.md?asOf=&knownAt= – the claims comparison as Markdown
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { getClaims } from "@/db/queries/get-claims";
import { claimsToMarkdown } from "@/lib/claims/claims-export";
import { formatDate } from "@/lib/time";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", async ({ request, params }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  const { program, claims } = await getClaims(await getDb(), params.slug, asOf, knownAt);
  return new Response(claimsToMarkdown(program.name, claims, formatDate(asOf)), {
    headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${params.slug}-claims.md"` },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
