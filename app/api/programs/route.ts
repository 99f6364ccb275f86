// GET, POST /api/programs – every program with its item count; create an empty program (admin)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { createProgram } from "@/db/mutations/manage-program";
import { listPrograms } from "@/db/queries/list-programs";
import { readJson } from "@/lib/http/read-json";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute("read", async () => Response.json(await listPrograms(await getDb())));

export const POST = apiRoute("admin", async ({ request, actor }) =>
  Response.json(await createProgram(await getDb(), { input: await readJson(request), actor }), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
