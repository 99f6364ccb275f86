import { z } from "zod";

/** The longest comment, in characters: a discussion, not a document (link to one instead). */
export const COMMENT_MAX = 5000;

/** A comment's text: plain text, links and @mentions are read out of it, never markup. */
export const commentBodySchema = z
  .string({ error: () => "must be the comment's text" })
  .trim()
  .min(1, "must not be empty: write something")
  .max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`);

/** Body of `POST …/items/{key}/comments` and `POST …/claims/{id}/comments`, and of the comment form. */
export const commentInputSchema = z.object({ body: commentBodySchema });

/** Body of `PATCH …/comments/{commentId}`: the new text and the version it was read at (or If-Match). */
export const commentEditSchema = z.object({
  body: commentBodySchema,
  version: z.number({ error: () => "must be the version number you read" }).int().positive().optional(),
});
