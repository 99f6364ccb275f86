// POST /api/programs/{slug}/reports/{YYYY-Www}/send – send a published week again to every enabled subscription (admin); no query, no body (or {}); 202, 409 when not published
import { apiRoute } from "@/app/_lib/api-handler";
import { sendAfterAnswer } from "@/app/_lib/send-after";
import { getDb } from "@/db/get-db";
import { appOrigin } from "@/lib/http/app-origin";
import { readNoInput } from "@/lib/http/read-no-input";
import { reportActionInputSchema } from "@/lib/validations/report-action-input";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; week: string }>("admin", async ({ request, params, actor }) => {
  await readNoInput(request, reportActionInputSchema);
  const queued = await sendAfterAnswer(await getDb(), { slug: params.slug, week: params.week, trigger: "resend", requestedBy: actor.email, origin: appOrigin(request.headers) });
  return Response.json({ program: params.slug, ...queued }, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
