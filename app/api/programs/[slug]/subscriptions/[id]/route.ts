// PATCH, DELETE /api/programs/{slug}/subscriptions/{id} – enable or disable (If-Match/version), or remove a subscription (admin)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { removeSubscription, setSubscriptionEnabled } from "@/db/mutations/manage-subscriptions";
import { parseIfMatch, versionedJson } from "@/lib/http/if-match";
import { readJson } from "@/lib/http/read-json";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute<{ slug: string; id: string }>("admin", async ({ request, params, actor }) => {
  const result = await setSubscriptionEnabled(await getDb(), {
    slug: params.slug,
    id: params.id,
    input: await readJson(request),
    expectedVersion: parseIfMatch(request),
    actor: actor.email,
  });
  return versionedJson(result);
});

export const DELETE = apiRoute<{ slug: string; id: string }>("admin", async ({ params, actor }) => {
  await removeSubscription(await getDb(), { slug: params.slug, id: params.id, actor: actor.email });
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT } = otherMethods("PATCH", "DELETE");
