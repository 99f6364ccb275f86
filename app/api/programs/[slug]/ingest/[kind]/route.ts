// POST /api/programs/{slug}/ingest/{coverage|cargo|crashes}[?dryRun=1] – read an artefact into per-item signals (contributor)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { ingestArtefacts } from "@/db/mutations/ingest-artefacts";
import { ARTEFACT_KINDS, type ArtefactKind } from "@/lib/artefacts/artefact-types";
import { AppError } from "@/lib/errors";
import { readIngestBody } from "@/lib/http/read-ingest-body";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ slug: string; kind: string }>("report", async ({ request, params, actor }) => {
  const kind = params.kind as ArtefactKind;
  if (!ARTEFACT_KINDS.includes(kind)) throw new AppError("not_found", `nothing to ingest as "${params.kind}": the kinds are ${ARTEFACT_KINDS.join(", ")}`);
  const dryRun = ["1", "true"].includes(new URL(request.url).searchParams.get("dryRun") ?? "");
  const input = await readIngestBody(request, kind);
  const answer = await ingestArtefacts(await getDb(), { slug: params.slug, kind, input, actor: { id: actor.id, label: actor.email }, dryRun });
  return Response.json(answer, { status: dryRun ? 200 : 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
