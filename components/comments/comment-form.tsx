"use client";

import { useId } from "react";
import { COMMENT_MAX } from "@/lib/validations/comment-input";
import type { FormAction } from "../ui/action-state";
import { bindAction } from "../ui/bind-action";
import { Button } from "../ui/button";
import { Textarea } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { kept, useKeptForm } from "../ui/use-kept-form";

export interface CommentFormProps {
  slug: string;
  on: "item" | "claim";
  /** The item's key or the claim's id. */
  target: string;
  /** The writer's own handle, for the hint. */
  handle: string;
  serverAction: FormAction<[string, string, string]>;
}

/** Write a comment: plain text, with links and @mentions; a refusal keeps the text as typed. */
export function CommentForm({ slug, on, target, handle, serverAction }: CommentFormProps) {
  const { state, formAction, pending, answer } = useKeptForm(bindAction(serverAction, slug, on, target));
  const id = useId();
  return (
    <form action={formAction} className="space-y-2" aria-label="Add a comment" key={answer}>
      <label htmlFor={id} className="block font-medium text-slate-800">
        Comment
      </label>
      <Textarea id={id} name="body" rows={3} defaultValue={kept(state, "body", "")} maxLength={COMMENT_MAX} aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Plain text. http(s) links become clickable; <span className="font-mono">@handle</span> mentions a person — the part of their e-mail
        before the @ (you are <span className="font-mono">@{handle}</span>). Only you can edit or delete what you write.
      </p>
      <FormMessage state={state} />
      <Button disabled={pending}>Add comment</Button>
    </form>
  );
}
