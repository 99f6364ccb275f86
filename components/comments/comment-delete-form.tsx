"use client";

import { useState } from "react";
import type { CommentView } from "@/db/queries/comment-views";
import { FormMessage } from "../ui/form-message";
import { useKeptForm } from "../ui/use-kept-form";
import type { CommentActions } from "./comment-actions";

/** Delete one's own comment, asked twice: its text leaves the page for good. */
export function CommentDeleteForm({ comment, actions }: { comment: CommentView; actions: CommentActions }) {
  const [asking, setAsking] = useState(false);
  const { state, formAction, pending } = useKeptForm(actions.deleteAction.bind(null, actions.slug));
  if (!asking)
    return (
      <div className="space-y-1">
        <button
          type="button"
          className="rounded border border-red-300 px-2 py-0.5 text-red-800 hover:bg-red-50"
          onClick={() => setAsking(true)}
          aria-label={`Delete comment ${comment.id}`}
        >
          Delete
        </button>
        {state.status === "error" && <FormMessage state={state} />}
      </div>
    );
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`Delete comment ${comment.id}`}>
      <input type="hidden" name="commentId" value={comment.id} />
      <span className="text-slate-800">Delete this comment? Its text leaves the page; a line says you deleted it.</span>
      <button type="submit" disabled={pending} className="rounded border border-red-700 px-2 py-0.5 text-red-800 hover:bg-red-50 disabled:opacity-60">
        Yes, delete it
      </button>
      <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-100" onClick={() => setAsking(false)}>
        Keep it
      </button>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
