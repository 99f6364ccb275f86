// GET /api/audit/verify – the hash chain's verdict: { ok, entries, head, firstBad, checking, checkedAt }
import { apiRoute } from "@/app/_lib/api-handler";
import { chainStatus } from "@/db/chain-status";
import { getDb } from "@/db/get-db";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

// The check runs in a worker, one run at a time (db/chain-status.ts): while a newer run is going
// this answers the last verdict with `checking: true`, never a verdict nobody computed.
export const GET = apiRoute("read", async () => {
  const { verdict, checking, checkedAt } = await chainStatus(await getDb(), "api");
  return Response.json({ ...verdict!, checking, checkedAt });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
