// POST /api/programs/{slug}/items/{key}/transitions/{id}/reject – a reviewer rejects a transition, saying why (reviewer)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { rejectTransition } from "@/db/mutations/reject-transition";
import { AppError, MAX_ROW_ID } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; key: string; id: string }>("verify", async ({ request, params, actor }) => {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ROW_ID) throw new AppError("not_found", `no transition "${params.id}"`);
  const input = await readJson(request);
  return Response.json(await rejectTransition(await getDb(), { slug: params.slug, key: params.key, transitionId: id, input, actor }), { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
