// GET, PATCH /api/programs/{slug}/items/{key} – one item with its history; edit with If-Match/version
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { editItem } from "@/db/mutations/edit-item";
import { getItemDetail } from "@/db/queries/get-item-detail";
import { readJson } from "@/lib/http/read-json";
import { parseIfMatch, versionedJson } from "@/lib/http/if-match";
import { parseAsOfQuery } from "@/lib/validations/as-of-query";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

type Params = { slug: string; key: string };

export const GET = apiRoute<Params>("read", async ({ request, params, actor }) => {
  const { asOf, knownAt } = parseAsOfQuery(new URL(request.url).searchParams);
  const detail = await getItemDetail(await getDb(), params.slug, params.key, asOf, knownAt, actor.role === "admin" ? "admin" : "reader");
  return versionedJson(detail);
});

export const PATCH = apiRoute<Params>("report", async ({ request, params, actor }) => {
  const input = await readJson(request);
  const result = await editItem(await getDb(), { slug: params.slug, key: params.key, input, expectedVersion: parseIfMatch(request), actor });
  return versionedJson(result);
});

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
