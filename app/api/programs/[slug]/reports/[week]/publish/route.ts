// POST /api/programs/{slug}/reports/{YYYY-Www}/publish – publish a week for good (admin); 409 when it already is; no query, no body (or {}); then sends it to the subscriptions
import { apiRoute } from "@/app/_lib/api-handler";
import { sendAfterPublication } from "@/app/_lib/send-after";
import { getDb } from "@/db/get-db";
import { publishReport } from "@/db/mutations/publish-report";
import { appOrigin } from "@/lib/http/app-origin";
import { readNoInput } from "@/lib/http/read-no-input";
import { reportActionInputSchema } from "@/lib/validations/report-action-input";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; week: string }>("admin", async ({ request, params, actor }) => {
  await readNoInput(request, reportActionInputSchema);
  const db = await getDb();
  const published = await publishReport(db, { slug: params.slug, week: params.week, publisher: { id: actor.id, label: actor.email, name: actor.name } });
  // Its own step after the publication committed: a failure here never undoes it.
  const sending = await sendAfterPublication(db, { slug: params.slug, week: published.week, requestedBy: actor.email, origin: appOrigin(request.headers) });
  return Response.json({ ...published, deliveries: sending.deliveries, ...(sending.error ? { deliveryError: sending.error } : {}) }, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
