// POST /api/programs/{slug}/items/{key}/transitions – report a transition with evidence (contributor)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { recordTransition } from "@/db/mutations/record-transition";
import { readJson } from "@/lib/http/read-json";
import type { TransitionInput } from "@/lib/validations/transition-input";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; key: string }>("report", async ({ request, params, actor }) => {
  const body = (await readJson(request)) as TransitionInput;
  return Response.json(recordTransition(getDb(), params.slug, params.key, body, actor), { status: 201 });
});
