// GET, PATCH /api/programs/{slug} – program settings; edit name, target, evidence horizon and thresholds (admin, If-Match/version)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { editProgram } from "@/db/mutations/manage-program";
import { getProgram } from "@/db/queries/get-program";
import { parseIfMatch, versionedJson } from "@/lib/http/if-match";
import { readJson } from "@/lib/http/read-json";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("read", async ({ params }) => {
  const program = await getProgram(await getDb(), params.slug);
  return versionedJson(program);
});

export const PATCH = apiRoute<{ slug: string }>("admin", async ({ request, params, actor }) => {
  const result = await editProgram(await getDb(), { slug: params.slug, input: await readJson(request), expectedVersion: parseIfMatch(request), actor });
  return versionedJson(result);
});

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
