// POST /api/programs/{slug}/items/{key}/transitions – report a transition with evidence (contributor)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { recordTransition } from "@/db/mutations/record-transition";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; key: string }>("report", async ({ request, params, actor }) => {
  const input = await readJson(request);
  return Response.json(recordTransition(getDb(), { slug: params.slug, key: params.key, input, actor }), { status: 201 });
});
