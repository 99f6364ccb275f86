// GET, POST /api/programs/{slug}/subscriptions – who receives published weeks (admin); a new webhook's secret is in the 201 answer, once
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { addSubscription } from "@/db/mutations/manage-subscriptions";
import { listSubscriptions } from "@/db/queries/list-subscriptions";
import { readJson } from "@/lib/http/read-json";
import { versionedJson } from "@/lib/http/if-match";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("admin", async ({ params }) => Response.json(await listSubscriptions(await getDb(), params.slug)));

export const POST = apiRoute<{ slug: string }>("admin", async ({ request, params, actor }) => {
  const made = await addSubscription(await getDb(), { slug: params.slug, input: await readJson(request), actor: actor.email });
  return versionedJson(made, { status: 201, headers: { "cache-control": "no-store" } });
});

export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
