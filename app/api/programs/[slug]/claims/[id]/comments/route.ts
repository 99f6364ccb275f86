// GET, POST /api/programs/{slug}/claims/{id}/comments – the claim's discussion, oldest first (viewer); write in it (contributor)
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { addComment } from "@/db/mutations/add-comment";
import { listComments } from "@/db/queries/list-comments";
import { readJson } from "@/lib/http/read-json";

export const dynamic = "force-dynamic";

type Params = { slug: string; id: string };

export const GET = apiRoute<Params>("read", ({ params, actor }) =>
  Response.json(listComments(getDb(), params.slug, { claim: params.id }, { viewerId: actor.id })),
);

export const POST = apiRoute<Params>("comment", async ({ request, params, actor }) => {
  const input = await readJson(request);
  const comment = addComment(getDb(), { slug: params.slug, subject: { claim: params.id }, input, actor });
  return Response.json(comment, { status: 201, headers: { location: `/api/programs/${params.slug}/comments/${comment.id}`, etag: `"${comment.version}"` } });
});
