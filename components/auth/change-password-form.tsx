"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { FormMessage } from "../ui/form-message";

const fieldError = (state: ActionState, path: string) => state.errors.find((e) => e.path === path)?.message ?? null;

/**
 * New password twice; the current one too, unless the person signed in with a one-time password
 * (they just typed it, and it is the one being replaced).
 */
export function ChangePasswordForm({ oneTime, next, minLength, serverAction }: { oneTime: boolean; next: string; minLength: number; serverAction: FormAction }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction, IDLE);
  return (
    <form action={action} className="grid max-w-sm gap-3" aria-label={oneTime ? "Choose a new password" : "Change your password"}>
      <input type="hidden" name="next" value={next} />
      {!oneTime && (
        <Field label="Current password" error={fieldError(state, "current")}>
          <Input name="current" type="password" autoComplete="current-password" required />
        </Field>
      )}
      <Field label="New password" hint={`At least ${minLength} characters.`} error={fieldError(state, "password")}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={minLength} maxLength={200} />
      </Field>
      <Field label="Repeat the new password" error={fieldError(state, "confirm")}>
        <Input name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <FormMessage state={state} />
      <Button disabled={pending} className="w-fit">
        {oneTime ? "Save my password" : "Change password"}
      </Button>
    </form>
  );
}
