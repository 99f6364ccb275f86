"use client";

import { useActionState, useState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { STATUSES } from "@/lib/status";
import { FormMessage } from "../ui/form-message";

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1";

export interface ClaimFormValues {
  id: string;
  date: string;
  datePrecision: string;
  speaker: string;
  venue: string;
  quote: string;
  quoteIsParaphrase: boolean;
  url: string;
  kind: string;
  links: { item: string; requires: string }[];
  version?: number;
}

/** The page passes the create action (bound to the slug) or, with the claim, the edit action (slug and claim id). */
type ClaimFormAction = { claim?: undefined; serverAction: FormAction<[string]> } | { claim: ClaimFormValues; serverAction: FormAction<[string, string]> };

/** Add (or edit) a public claim and the status each linked item must have reached. */
export function ClaimForm({ slug, itemKeys, ...props }: { slug: string; itemKeys: string[] } & ClaimFormAction) {
  const claim = props.claim;
  const action = props.claim ? props.serverAction.bind(null, slug, props.claim.id) : props.serverAction.bind(null, slug);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, IDLE);
  const [rows, setRows] = useState(Math.max(claim?.links.length ?? 0, 3));
  const v = state.values;
  const val = (k: keyof ClaimFormValues) => (v?.[k] ?? (claim ? String(claim[k] ?? "") : ""));
  return (
    <form action={formAction} className="space-y-3" aria-label={claim ? "Edit claim" : "Add a claim"} key={`${claim?.version ?? 0}-${state.status}`}>
      {claim?.version !== undefined && <input type="hidden" name="version" value={claim.version} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <label>
          <span className="text-slate-700">Claim id</span>
          <input name="id" required defaultValue={val("id")} readOnly={Boolean(claim)} placeholder="ignite-2025-keynote" className={input} />
        </label>
        <label>
          <span className="text-slate-700">Date</span>
          <input name="date" type="date" required defaultValue={val("date")} className={input} />
        </label>
        <label>
          <span className="text-slate-700">Date precision</span>
          <select name="datePrecision" defaultValue={val("datePrecision") || "day"} className={input}>
            <option>day</option>
            <option>month</option>
            <option>year</option>
          </select>
        </label>
        <label>
          <span className="text-slate-700">Speaker</span>
          <input name="speaker" required defaultValue={val("speaker")} className={input} />
        </label>
        <label>
          <span className="text-slate-700">Venue</span>
          <input name="venue" defaultValue={val("venue")} className={input} />
        </label>
        <label>
          <span className="text-slate-700">Kind</span>
          <input name="kind" defaultValue={val("kind")} placeholder="keynote, blog, interview…" className={input} />
        </label>
      </div>
      <label className="block">
        <span className="text-slate-700">Short quote</span>
        <textarea name="quote" required rows={2} defaultValue={val("quote")} className={input} />
      </label>
      <label className="flex items-center gap-2">
        <input name="quoteIsParaphrase" type="checkbox" defaultChecked={claim?.quoteIsParaphrase ?? false} />
        <span className="text-slate-700">The quote is a paraphrase</span>
      </label>
      <label className="block">
        <span className="text-slate-700">Source URL</span>
        <input name="url" type="url" required defaultValue={val("url")} className={input} />
      </label>
      <fieldset className="space-y-2">
        <legend className="text-slate-700">Linked items and the status the claim implies</legend>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="grid grid-cols-2 gap-2 sm:w-2/3">
            <select name="linkItem" aria-label={`Link ${i + 1} item`} defaultValue={claim?.links[i]?.item ?? ""} className={input}>
              <option value="">— no item —</option>
              {itemKeys.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
            <select name="linkRequires" aria-label={`Link ${i + 1} implied status`} defaultValue={claim?.links[i]?.requires ?? "rollout"} className={input}>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
        ))}
        <button type="button" onClick={() => setRows((n) => n + 1)} className="text-indigo-700 hover:underline">
          + another link
        </button>
      </fieldset>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded bg-indigo-700 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        {claim ? "Save claim" : "Add claim"}
      </button>
    </form>
  );
}
