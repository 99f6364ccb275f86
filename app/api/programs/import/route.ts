// POST /api/programs/import[?dryRun=1][&slug=] – import a program bundle, all or nothing (admin), under its slug or `slug`
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { importBundle } from "@/db/import-bundle";
import { readJson } from "@/lib/http/read-json";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

const BUNDLE_LIMIT = 64 * 1024 * 1024;

export const POST = apiRoute("admin", async ({ request, actor }) => {
  const params = new URL(request.url).searchParams;
  const dryRun = ["1", "true"].includes(params.get("dryRun") ?? "");
  const slug = params.get("slug") ?? undefined;
  const summary = await importBundle(await getDb(), await readJson(request, BUNDLE_LIMIT), { actor: actor.email, dryRun, slug });
  return Response.json(summary, { status: dryRun ? 200 : 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
