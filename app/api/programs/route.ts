// GET /api/programs – every program with its item count
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { listPrograms } from "@/db/queries/list-programs";

export const dynamic = "force-dynamic";

export const GET = apiRoute("read", () => Response.json(listPrograms(getDb())));
