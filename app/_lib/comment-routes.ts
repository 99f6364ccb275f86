import "server-only";
import { getDb } from "@/db/get-db";
import { addComment } from "@/db/mutations/add-comment";
import { listComments } from "@/db/queries/list-comments";
import type { CommentSubject } from "@/lib/comments/comment-subject";
import { versionedJson } from "@/lib/http/if-match";
import { readJson } from "@/lib/http/read-json";
import { apiRoute } from "./api-handler";

/**
 * GET and POST of one subject's discussion: its comments oldest first (any reader), and a new one
 * (contributor and up), answered with its address and version.
 */
export function commentRoutes<P extends { slug: string }>(subjectOf: (params: P) => CommentSubject) {
  return {
    GET: apiRoute<P>("read", async ({ params, actor }) => Response.json(await listComments(await getDb(), params.slug, subjectOf(params), { viewerId: actor.id }))),
    POST: apiRoute<P>("comment", async ({ request, params, actor }) => {
      const input = await readJson(request);
      const comment = await addComment(await getDb(), { slug: params.slug, subject: subjectOf(params), input, actor });
      return versionedJson(comment, { status: 201, headers: { location: `/api/programs/${params.slug}/comments/${comment.id}` } });
    }),
  };
}
