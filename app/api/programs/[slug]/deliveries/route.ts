// GET /api/programs/{slug}/deliveries?week=&limit= – the delivery log: each sending of a published week and its attempts (admin)
import { z } from "zod";
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { listDeliveries } from "@/db/queries/list-deliveries";
import { parseInput } from "@/lib/validations/parse-input";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  week: z.string().regex(/^\d{4}-W\d{2}$/, "must be an ISO week YYYY-Www such as 2024-W52").optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const GET = apiRoute<{ slug: string }>("admin", async ({ request, params }) => {
  const q = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  return Response.json(await listDeliveries(await getDb(), params.slug, q));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
