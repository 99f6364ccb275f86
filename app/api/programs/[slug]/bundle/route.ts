// GET /api/programs/{slug}/bundle – the program bundle (DESIGN §10); admins only: it names everyone by e-mail
import { apiRoute } from "@/app/_lib/api-handler";
import { exportBundle } from "@/db/export-bundle";
import { getDb } from "@/db/get-db";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>("admin", async ({ params }) =>
  Response.json(await exportBundle(await getDb(), params.slug), {
    headers: { "content-disposition": `attachment; filename="${params.slug}.bundle.json"` },
  }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
