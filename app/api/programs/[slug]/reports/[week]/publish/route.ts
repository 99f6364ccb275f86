// POST /api/programs/{slug}/reports/{YYYY-Www}/publish – publish a week for good (admin); 409 when it already is
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { publishReport } from "@/db/mutations/publish-report";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; week: string }>("admin", ({ params, actor }) => {
  const published = publishReport(getDb(), { slug: params.slug, week: params.week, publisher: { id: actor.id, label: actor.email, name: actor.name } });
  return Response.json(published, { status: 201 });
});
