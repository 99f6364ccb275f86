"use client";

import { Button } from "@/components/ui/button";
import { MAKING_A_TOKEN, proofReason, type SignInProof } from "@/lib/auth/recent-sign-in";
import { DEFAULT_TOKEN_DAYS } from "@/lib/auth/token-lifetime";
import type { TokenState } from "../ui/action-state";
import { useKeptForm } from "../ui/use-kept-form";

const NONE: TokenState = { token: null, error: null, name: "" };

const LIFETIMES = [
  ["30", "30 days"],
  [String(DEFAULT_TOKEN_DAYS), `${DEFAULT_TOKEN_DAYS} days`],
  ["365", "1 year"],
  ["never", "never (automation you will revoke by hand)"],
] as const;

interface Props {
  serverAction: (prev: TokenState, form: FormData) => Promise<TokenState>;
  /** What the session must still show when the page was read; the action's answer may ask for more. */
  confirm: SignInProof;
  /** The single sign-on provider's name, when it is on. */
  provider: string | null;
  /** Where a person without a password signs in again, when single sign-on is on. */
  signInAgain: { href: string; label: string } | null;
}

/** Make an API token that expires: shown once; a refused name stays in the field, a password never. */
export function CreateTokenForm({ serverAction, confirm: asked, provider, signInAgain }: Props) {
  const { state, formAction, pending, answer } = useKeptForm(serverAction, NONE);
  const confirm = state.confirm && state.confirm !== "none" ? state.confirm : asked;
  const why = confirm === "none" ? null : proofReason(confirm, provider, MAKING_A_TOKEN);
  // The action's refusal for want of a confirmation is the same sentence: said once, as the alert.
  const whyIsTheAnswer = why !== null && state.error === why;
  return (
    <form action={formAction} className="space-y-2" key={answer}>
      <div className="flex flex-wrap items-end gap-2">
        <label className="block">
          <span className="text-slate-700">Token name</span>
          <input
            name="name"
            defaultValue={state.name}
            placeholder="e.g. weekly-export cron"
            className="mt-1 block rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="block">
          <span className="text-slate-700">Expires after</span>
          <select name="days" defaultValue={state.days ?? String(DEFAULT_TOKEN_DAYS)} className="mt-1 block rounded border border-slate-300 px-2 py-1">
            {LIFETIMES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {confirm === "password" && (
          <label className="block">
            <span className="text-slate-700">Your password</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              aria-describedby="token-confirm-why"
              className="mt-1 block rounded border border-slate-300 px-2 py-1"
            />
          </label>
        )}
        <Button disabled={pending}>Create token</Button>
      </div>
      {why && (
        <p id="token-confirm-why" role={whyIsTheAnswer ? "alert" : undefined} className={whyIsTheAnswer ? "text-red-700" : "text-slate-600"}>
          {why}
        </p>
      )}
      {confirm === "sign-in-again" && signInAgain && (
        // A full navigation to the route that sends the person to the provider: never prefetched.
        <a href={signInAgain.href} className="inline-block text-indigo-700 hover:underline">
          {signInAgain.label}
        </a>
      )}
      {state.token && (
        <p role="status" className="rounded bg-emerald-50 p-2">
          New token (shown once, copy it now): <code data-testid="new-token" className="break-all">{state.token}</code>
          {state.expires && <span className="block text-slate-700">{state.expires === "never" ? "It never expires: revoke it when it is no longer used." : `It expires ${state.expires}.`}</span>}
        </p>
      )}
      {state.error && !whyIsTheAnswer && <p role="alert" className="text-red-700">{state.error}</p>}
    </form>
  );
}
