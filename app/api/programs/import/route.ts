// POST /api/programs/import[?dryRun=1] – import a program bundle, all or nothing (admin)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { importBundle } from "@/db/import-bundle";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

const BUNDLE_LIMIT = 64 * 1024 * 1024;

export const POST = apiRoute("admin", async ({ request, actor }) => {
  const dryRun = ["1", "true"].includes(new URL(request.url).searchParams.get("dryRun") ?? "");
  const summary = importBundle(getDb(), await readJson(request, BUNDLE_LIMIT), { actor: actor.email, dryRun });
  return Response.json(summary, { status: dryRun ? 200 : 201 });
});
