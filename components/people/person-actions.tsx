"use client";

import { useActionState } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { SelectAndSubmit } from "../ui/select-and-submit";
import { OneTimePassword } from "./one-time-password";

export interface PeopleActions {
  setRole: FormAction;
  resetPassword: FormAction;
  disable: FormAction;
  enable: FormAction;
}

/** One account's forms: role, password reset, disable or enable. Each says in words what it did or why not. */
export function PersonActions({ email, name, role, disabled, actions }: { email: string; name: string; role: Role; disabled: boolean; actions: PeopleActions }) {
  const [roleState, roleAction, rolePending] = useActionState<ActionState, FormData>(actions.setRole, IDLE);
  const [resetState, resetAction, resetPending] = useActionState<ActionState, FormData>(actions.resetPassword, IDLE);
  const [accessState, accessAction, accessPending] = useActionState<ActionState, FormData>(disabled ? actions.enable : actions.disable, IDLE);
  return (
    <div className="space-y-3 pt-2">
      <form action={roleAction} className="space-y-1" aria-label={`Change the role of ${name}`} key={`${role}-${roleState.status}`}>
        <input type="hidden" name="email" value={email} />
        <SelectAndSubmit label="Role" name="role" values={ROLES} defaultValue={role} pending={rolePending} selectClassName="w-40">
          Change role
        </SelectAndSubmit>
        <FormMessage state={roleState} />
      </form>
      <form action={resetAction} className="space-y-1" aria-label={`Reset the password of ${name}`}>
        <input type="hidden" name="email" value={email} />
        <p className="text-xs text-slate-600">A reset ends their sessions and gives a one-time password, shown once; they choose their own at the next sign-in.</p>
        <Button variant="secondary" disabled={resetPending}>
          Reset password
        </Button>
        <FormMessage state={resetState} />
        {resetState.status === "ok" && resetState.secret && <OneTimePassword value={resetState.secret} />}
      </form>
      <form action={accessAction} className="space-y-1" aria-label={disabled ? `Enable ${name}` : `Disable ${name}`}>
        <input type="hidden" name="email" value={email} />
        {disabled ? (
          <Button variant="secondary" disabled={accessPending}>
            Enable account
          </Button>
        ) : (
          <details>
            <summary className="cursor-pointer text-red-800">Disable account…</summary>
            <p className="my-1 text-xs text-slate-600">
              They are signed out at once and their API tokens are revoked (enabling the account again does not bring the tokens back).
              Their name stays in the history.
            </p>
            <button type="submit" disabled={accessPending} className="rounded bg-red-700 px-2 py-1 text-white hover:bg-red-800 disabled:opacity-60">
              Disable {name}
            </button>
          </details>
        )}
        <FormMessage state={accessState} />
      </form>
    </div>
  );
}
