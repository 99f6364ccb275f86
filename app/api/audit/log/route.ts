// GET /api/audit/log?program=&before=&limit= – the hash-chained log, newest first (non-admins: programs only, people by name)
import { z } from "zod";
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { listLogEntries } from "@/db/queries/list-log-entries";
import { can } from "@/lib/auth/roles";
import { parseInput } from "@/lib/validations/parse-input";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  program: z.string().max(64).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const GET = apiRoute("read", async ({ request, actor }) => {
  const q = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  return Response.json(await listLogEntries(await getDb(), { ...q, audience: can(actor.role, "admin") ? "admin" : "reader" }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
