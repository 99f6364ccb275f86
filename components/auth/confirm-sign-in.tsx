"use client";

import { useActionState } from "react";
import type { SignInProof } from "@/lib/auth/recent-sign-in";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { FormMessage } from "../ui/form-message";

interface Props {
  needed: Exclude<SignInProof, "none">;
  /** Why the page asks, in words (recent-sign-in.ts). */
  reason: string;
  /** Where a person without a password signs in again, when single sign-on is on. */
  signInAgain: { href: string; label: string } | null;
  serverAction: FormAction;
}

/**
 * Above a page whose changes outlive the session: the password typed again (a new session replaces
 * this one and the page is read again), or a link to sign in again through the provider.
 */
export function ConfirmSignIn({ needed, reason, signInAgain, serverAction }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction, IDLE);
  return (
    <section aria-label="Confirm it is you" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p>{reason}</p>
      {needed === "password" ? (
        <form action={action} className="flex flex-wrap items-end gap-2">
          <Field label="Your password">
            <Input name="password" type="password" autoComplete="current-password" required />
          </Field>
          <Button disabled={pending}>{pending ? "Confirming…" : "Confirm"}</Button>
        </form>
      ) : (
        signInAgain && (
          // A full navigation to the route that sends the person to the provider: never prefetched.
          <a href={signInAgain.href} className="inline-block text-indigo-700 underline">
            {signInAgain.label}
          </a>
        )
      )}
      <FormMessage state={state} />
    </section>
  );
}
