/** What a comment is about: an item of the program (by key) or one of its claims (by id). */
export type CommentSubject = { item: string } | { claim: string };

/** "item FND-01", "claim ignite-2023": the subject in words, for messages. */
export function describeSubject(subject: CommentSubject): string {
  return "item" in subject ? `item "${subject.item}"` : `claim "${subject.claim}"`;
}

/** The page that shows the comment, at the comment itself. */
export function commentLink(slug: string, subject: CommentSubject, commentId: number): string {
  const page = "item" in subject ? `items/${encodeURIComponent(subject.item)}` : `claims/${encodeURIComponent(subject.claim)}`;
  return `/programs/${slug}/${page}#comment-${commentId}`;
}
