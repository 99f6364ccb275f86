// POST /api/programs/{slug}/items/{key}/transitions – report a transition with evidence (contributor)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { recordTransition } from "@/db/mutations/record-transition";
import { ARTEFACT_MAX_BYTES } from "@/lib/artefacts/artefact-types";
import { readJson } from "@/lib/http/read-json";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

// Room for two files at the limit as base64 (4/3 larger) and the JSON around them; each file is
// size-checked on its own (413 naming it).
const BODY_LIMIT = 3 * ARTEFACT_MAX_BYTES;

export const POST = apiRoute<{ slug: string; key: string }>("report", async ({ request, params, actor }) => {
  const input = await readJson(request, BODY_LIMIT);
  return Response.json(await recordTransition(await getDb(), { slug: params.slug, key: params.key, input, actor }), { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
