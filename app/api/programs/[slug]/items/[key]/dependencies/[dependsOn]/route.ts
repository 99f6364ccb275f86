// DELETE /api/programs/{slug}/items/{key}/dependencies/{dependsOn} – remove a dependency (contributor)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { removeDependency } from "@/db/mutations/change-dependency";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ slug: string; key: string; dependsOn: string }>("report", async ({ params, actor }) => {
  await removeDependency(await getDb(), { slug: params.slug, key: params.key, dependsOn: params.dependsOn, actor });
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
