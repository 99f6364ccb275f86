// GET /api/audit/verify – recompute the hash chain: { ok, entries, head, firstBad }
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { verifyLog } from "@/db/verify-log";

export const dynamic = "force-dynamic";

export const GET = apiRoute("read", () => Response.json(verifyLog(getDb())));
