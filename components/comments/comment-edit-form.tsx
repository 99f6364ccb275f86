"use client";

import type { CommentView } from "@/db/queries/comment-views";
import { COMMENT_MAX } from "@/lib/validations/comment-input";
import type { ActionState } from "../ui/action-state";
import { kept, type useKeptForm } from "../ui/use-kept-form";
import { Field, Textarea } from "../ui/field";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";

/**
 * Rewrite one's own comment. The version read with the page goes along: when the comment changed
 * meanwhile (another tab), the refusal says so and the typed text stays.
 */
export function CommentEditForm({ comment, edit, onCancel }: { comment: CommentView; edit: ReturnType<typeof useKeptForm<ActionState>>; onCancel: () => void }) {
  const { state, formAction, pending, answer } = edit;
  return (
    <form action={formAction} className="space-y-2" aria-label={`Edit comment ${comment.id}`} key={`${comment.version}-${answer}`}>
      <input type="hidden" name="commentId" value={comment.id} />
      <input type="hidden" name="version" value={comment.version} />
      <Field label="Comment text" className="block text-sm">
        <Textarea name="body" rows={3} defaultValue={kept(state, "body", comment.body ?? "")} maxLength={COMMENT_MAX} required />
      </Field>
      {state.status === "error" && <FormMessage state={state} />}
      <div className="flex flex-wrap gap-2">
        <Button variant="small" disabled={pending}>
          Save comment
        </Button>
        <Button variant="secondary" type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
