// GET /api/me/counts – the header's numbers for whoever asks: { myWorkNew, reviewable, countedAt }
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { countNav } from "@/db/queries/count-nav";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

// The header asks after every client navigation (the root layout is not rendered again then):
// the same counts as a page load, never kept by a cache between them.
export const GET = apiRoute("read", async ({ actor }) => {
  const { countedAt, ...counts } = await countNav(await getDb(), actor);
  return Response.json({ ...counts, countedAt: new Date(countedAt).toISOString() }, { headers: { "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
