"use client";

import { Button } from "@/components/ui/button";
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

/** Make an API token that expires: shown once; a refused name stays in the field. */
export function CreateTokenForm({ serverAction }: { serverAction: (prev: TokenState, form: FormData) => Promise<TokenState> }) {
  const { state, formAction, pending, answer } = useKeptForm(serverAction, NONE);
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
        <Button disabled={pending}>Create token</Button>
      </div>
      {state.token && (
        <p role="status" className="rounded bg-emerald-50 p-2">
          New token (shown once, copy it now): <code data-testid="new-token" className="break-all">{state.token}</code>
          {state.expires && <span className="block text-slate-700">{state.expires === "never" ? "It never expires: revoke it when it is no longer used." : `It expires ${state.expires}.`}</span>}
        </p>
      )}
      {state.error && <p role="alert" className="text-red-700">{state.error}</p>}
    </form>
  );
}
