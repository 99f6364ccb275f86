"use client";

import { useActionState } from "react";
import { ROLES } from "@/lib/auth/roles";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { Button } from "../ui/button";
import { Field, Input, Options, Select } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { OneTimePassword } from "./one-time-password";

const fieldError = (state: ActionState, path: string) => state.errors.find((e) => e.path === path)?.message ?? null;

/** A new account with a one-time password; a refusal keeps everything typed. */
export function AddPersonForm({ serverAction }: { serverAction: FormAction }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction, IDLE);
  const v = state.values ?? {};
  return (
    <form action={action} className="space-y-3" aria-label="Add a person" key={state.status === "error" ? JSON.stringify(v) : state.status}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="E-mail" error={fieldError(state, "email")}>
          <Input name="email" type="email" required maxLength={254} autoComplete="off" defaultValue={v.email} />
        </Field>
        <Field label="Name" error={fieldError(state, "name")}>
          <Input name="name" required maxLength={200} autoComplete="off" defaultValue={v.name} />
        </Field>
        <Field label="Team (optional)" error={fieldError(state, "team")}>
          <Input name="team" maxLength={200} autoComplete="off" defaultValue={v.team} />
        </Field>
        <Field label="Role" error={fieldError(state, "role")}>
          <Select name="role" defaultValue={v.role || "viewer"}>
            <Options values={ROLES} />
          </Select>
        </Field>
      </div>
      <FormMessage state={state} />
      {state.status === "ok" && state.secret && <OneTimePassword value={state.secret} />}
      <Button disabled={pending}>{pending ? "Adding…" : "Add person"}</Button>
    </form>
  );
}
