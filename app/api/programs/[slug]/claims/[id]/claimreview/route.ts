// GET /api/programs/{slug}/claims/{id}/claimreview – schema.org ClaimReview JSON-LD of the claim at its date
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { getClaimDetail } from "@/db/queries/get-claims";
import { toClaimReview } from "@/lib/claims/claim-review";
import { AppError } from "@/lib/errors";
import { appOrigin } from "@/lib/http/app-origin";
import { formatDate } from "@/lib/time";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string; id: string }>("read", async ({ request, params }) => {
  const now = Date.now();
  const claim = await getClaimDetail(await getDb(), params.slug, params.id, now, now);
  const url = new URL(`/programs/${params.slug}/claims/${encodeURIComponent(params.id)}`, appOrigin(request.headers)).toString();
  const review = toClaimReview(claim, url, formatDate(now));
  if (!review) throw new AppError("rule", `claim "${params.id}" is linked to no item: there is nothing to review`);
  return Response.json(review, { headers: { "content-type": "application/ld+json" } });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
