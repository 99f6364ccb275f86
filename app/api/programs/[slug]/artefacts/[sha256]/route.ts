// GET /api/programs/{slug}/artefacts/{sha256} – an ingested artefact's bytes, as stored (viewer)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { findProgramArtefact } from "@/db/queries/find-program-artefact";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string; sha256: string }>("read", async ({ params }) => {
  const { name, bytes } = await findProgramArtefact(await getDb(), params.slug, params.sha256);
  const safeName = name.replace(/[^\w.-]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      // Served as bytes to save, never rendered: an uploaded file is not trusted markup.
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${safeName}"`,
      "x-content-type-options": "nosniff",
      etag: `"${params.sha256}"`,
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
