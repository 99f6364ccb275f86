import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../index";
import { comments } from "../schema";
import { readCommentViews, type CommentView } from "./comment-views";
import { getProgramOrThrow } from "./get-program-or-throw";

/** One comment of a program, for the person `viewerId`; a 404 AppError when the program or comment is unknown. */
export async function getComment(db: Db | Tx, slug: string, commentId: number, viewerId: number | null): Promise<CommentView> {
  const program = await getProgramOrThrow(db, slug);
  const [view] = await readCommentViews(db, and(eq(comments.id, commentId), eq(comments.programId, program.id)), viewerId);
  if (!view) throw new AppError("not_found", `no comment #${commentId} in program "${slug}"`);
  return view;
}
