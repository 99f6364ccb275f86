// GET, PATCH, DELETE /api/programs/{slug}/comments/{commentId} – one comment (viewer); its author edits (If-Match/version) or deletes it
import { apiRoute } from "@/app/_lib/api-handler";
import { getDb } from "@/db/get-db";
import { deleteComment } from "@/db/mutations/delete-comment";
import { editComment } from "@/db/mutations/edit-comment";
import { getComment } from "@/db/queries/get-comment";
import { AppError, MAX_ROW_ID } from "@/lib/errors";
import { parseIfMatch, versionedJson } from "@/lib/http/if-match";
import { readJson } from "@/lib/http/read-json";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

type Params = { slug: string; commentId: string };

function commentIdOf(params: Params): number {
  const id = Number(params.commentId);
  if (!/^\d+$/.test(params.commentId) || !Number.isSafeInteger(id) || id <= 0 || id > MAX_ROW_ID) throw new AppError("not_found", `no comment "${params.commentId}"`);
  return id;
}

export const GET = apiRoute<Params>("read", async ({ params, actor }) => versionedJson(await getComment(await getDb(), params.slug, commentIdOf(params), actor.id)));

export const PATCH = apiRoute<Params>("comment", async ({ request, params, actor }) => {
  const commentId = commentIdOf(params);
  const input = await readJson(request);
  return versionedJson(await editComment(await getDb(), { slug: params.slug, commentId, input, expectedVersion: parseIfMatch(request), actor }));
});

export const DELETE = apiRoute<Params>("comment", async ({ request, params, actor }) => {
  const commentId = commentIdOf(params);
  return versionedJson(await deleteComment(await getDb(), { slug: params.slug, commentId, expectedVersion: parseIfMatch(request), actor }));
});

export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
