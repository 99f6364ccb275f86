import type { CommentView } from "@/db/queries/comment-views";
import type { CommentActions } from "./comment-actions";
import { CommentCard } from "./comment-card";

/** A claim's discussion: its comments, oldest first. */
export function CommentList({ comments, actions, label }: { comments: CommentView[]; actions?: CommentActions; label: string }) {
  if (comments.length === 0) return <p className="text-slate-600">No comment yet.</p>;
  return (
    <ol className="space-y-3" aria-label={label}>
      {comments.map((c) => (
        <li key={c.id} className="border-t border-slate-100 pt-2 first:border-t-0 first:pt-0" data-testid={`comment-${c.id}`}>
          <CommentCard comment={c} actions={actions} />
        </li>
      ))}
    </ol>
  );
}
