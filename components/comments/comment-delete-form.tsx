"use client";

import { useState } from "react";
import type { CommentView } from "@/db/queries/comment-views";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { useKeptForm } from "../ui/use-kept-form";
import type { CommentActions } from "./comment-actions";
import { bindAction } from "../ui/bind-action";

/** Delete one's own comment, asked twice: its text leaves the page for good. */
export function CommentDeleteForm({ comment, actions }: { comment: CommentView; actions: CommentActions }) {
  const [asking, setAsking] = useState(false);
  const { state, formAction, pending } = useKeptForm(bindAction(actions.deleteAction, actions.slug));
  if (!asking)
    return (
      <div className="space-y-1">
        <Button variant="danger" type="button" onClick={() => setAsking(true)} aria-label={`Delete comment ${comment.id}`}>
          Delete
        </Button>
        {state.status === "error" && <FormMessage state={state} />}
      </div>
    );
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`Delete comment ${comment.id}`}>
      <input type="hidden" name="commentId" value={comment.id} />
      <span className="text-slate-800">Delete this comment? Its text leaves the page; a line says you deleted it.</span>
      <Button variant="danger" disabled={pending}>
        Yes, delete it
      </Button>
      <Button variant="quiet" type="button" onClick={() => setAsking(false)}>
        Keep it
      </Button>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
