// GET, PATCH /api/programs/{slug}/claims/{id} – one claim with verdict history; edit it (admin, If-Match/version)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { editClaim } from "@/db/mutations/manage-claim";
import { getClaimDetail } from "@/db/queries/get-claims";
import { parseIfMatch, versionedJson } from "@/lib/http/if-match";
import { readJsonObject } from "@/lib/http/read-json";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

type Params = { slug: string; id: string };

export const GET = apiRoute<Params>("read", async ({ request, params }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  const claim = await getClaimDetail(await getDb(), params.slug, params.id, asOf, knownAt);
  return versionedJson(claim);
});

export const PATCH = apiRoute<Params>("admin", async ({ request, params, actor }) => {
  const input = await readJsonObject(request);
  const result = await editClaim(await getDb(), { slug: params.slug, claimKey: params.id, input, expectedVersion: parseIfMatch(request), actor });
  return versionedJson(result);
});

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
