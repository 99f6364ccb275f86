import { and, eq, inArray } from "drizzle-orm";
import { resolveHandles } from "@/lib/comments/mention-handle";
import { mentionHandles } from "@/lib/comments/tokenize-comment";
import { canSignIn } from "../accounts/can-sign-in";
import type { Tx } from "../index";
import { commentMentions, people } from "../schema";

export interface Reader {
  id: number;
  email: string;
}

/**
 * Who may be mentioned: the people who can read the mention, on My work, behind a sign-in — every
 * account that can sign in (every role reads every program). People are shared by all programs and
 * bundles bring in people without accounts: those would never see a mention, so they neither get
 * one nor make a handle ambiguous.
 */
export async function loadReaders(tx: Tx): Promise<Reader[]> {
  return await tx.select({ id: people.id, email: people.email }).from(people).where(canSignIn());
}

/**
 * Makes the comment's stored mentions those of `body` (none for a deleted comment): a mention the
 * text keeps keeps its time, a new one dates from `now`. Returns the e-mails mentioned, in order
 * of first mention, for the log.
 */
export async function syncMentions(tx: Tx, { commentId, body, now, readers }: { commentId: number; body: string | null; now: number; readers?: Reader[] }): Promise<string[]> {
  const handles = body === null ? [] : mentionHandles(body);
  const resolved = handles.length === 0 ? new Map<string, Reader>() : resolveHandles(handles, readers ?? await loadReaders(tx));
  const mentioned = handles.flatMap((h) => (resolved.has(h) ? [resolved.get(h)!] : []));
  const wanted = new Set(mentioned.map((p) => p.id));
  const stored = await tx.select({ personId: commentMentions.personId }).from(commentMentions).where(eq(commentMentions.commentId, commentId));
  const gone = stored.map((s) => s.personId).filter((id) => !wanted.has(id));
  if (gone.length > 0) await tx.delete(commentMentions).where(and(eq(commentMentions.commentId, commentId), inArray(commentMentions.personId, gone)));
  const have = new Set(stored.map((s) => s.personId));
  const added = mentioned.filter((p) => !have.has(p.id));
  if (added.length > 0) await tx.insert(commentMentions).values(added.map((p) => ({ commentId, personId: p.id, mentionedAt: now })));
  return mentioned.map((p) => p.email);
}
