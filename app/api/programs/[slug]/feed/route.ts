// POST /api/programs/{slug}/feed – {"token":"rotate"}: a new Atom feed token, its URL in the answer once; {"token":"none"}: the feed is off (admin)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { rotateFeedToken, turnOffFeed } from "@/db/mutations/rotate-feed-token";
import { feedUrl } from "@/lib/delivery/feed-url";
import { appOrigin } from "@/lib/http/app-origin";
import { readJson } from "@/lib/http/read-json";
import { formatInstant } from "@/lib/time";
import { parseInput } from "@/lib/validations/parse-input";
import { feedInputSchema } from "@/lib/validations/subscription-input";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string }>("admin", async ({ request, params, actor }) => {
  const { token } = parseInput(feedInputSchema, await readJson(request), "feed");
  const db = await getDb();
  if (token === "none") return Response.json(await turnOffFeed(db, { slug: params.slug, actor: actor.email }));
  const rotated = await rotateFeedToken(db, { slug: params.slug, actor: actor.email });
  return Response.json(
    { feedUrl: feedUrl(appOrigin(request.headers), params.slug, rotated.token), rotatedAt: formatInstant(rotated.rotatedAt) },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
