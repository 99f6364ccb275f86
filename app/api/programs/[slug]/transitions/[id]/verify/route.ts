// POST /api/programs/{slug}/transitions/{id}/verify – a second person verifies a transition (reviewer)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { AppError, MAX_ROW_ID } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; id: string }>("verify", async ({ request, params, actor }) => {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ROW_ID) throw new AppError("not_found", `no transition "${params.id}"`);
  return Response.json(await verifyTransition(await getDb(), { slug: params.slug, transitionId: id, input: await readJson(request), actor }), { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
