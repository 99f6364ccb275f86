// POST /api/programs/{slug}/items/{key}/dependencies – add a dependency; 422 naming a cycle (contributor)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { addDependency } from "@/db/mutations/change-dependency";
import { readJson } from "@/lib/http/read-json";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; key: string }>("report", async ({ request, params, actor }) =>
  Response.json(await addDependency(await getDb(), { slug: params.slug, key: params.key, input: await readJson(request), actor }), { status: 201 }),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
