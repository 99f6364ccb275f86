"use client";

import { useState } from "react";
import { fieldError, type ActionState, type FormAction } from "../ui/action-state";
import type { ClaimRecord, EvaluatedClaim } from "@/lib/claims/evaluate-claims";
import { statusLabel } from "@/lib/labels";
import { STATUSES } from "@/lib/status";
import { DateInput, Field, Input, Options, Select, Textarea } from "../ui/field";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { kept, keptList, useKeptForm } from "../ui/use-kept-form";
import { bindAction } from "../ui/bind-action";

/** The fields the form edits, as the claim page reads them; an edit also carries the version read. */
export type ClaimFormValues = Pick<EvaluatedClaim, "id" | "date" | "datePrecision" | "dateNote" | "speaker" | "venue" | "quote" | "quoteIsParaphrase" | "url" | "kind"> & {
  implies: string;
  links: ClaimRecord["links"];
  version?: number;
};

/** The page passes the create action (bound to the slug) or, with the claim, the edit action (slug and claim id). */
type ClaimFormAction = { claim?: undefined; serverAction: FormAction<[string]> } | { claim: ClaimFormValues; serverAction: FormAction<[string, string]> };

/** Add (or edit) a public claim and the status each linked item must have reached; a refusal keeps every field. */
export function ClaimForm({ slug, itemKeys, ...props }: { slug: string; itemKeys: string[] } & ClaimFormAction) {
  const claim = props.claim;
  const action = props.claim ? bindAction(props.serverAction, slug, props.claim.id) : bindAction(props.serverAction, slug);
  const { state, formAction, pending, answer } = useKeptForm(action);
  return (
    <ClaimFields
      key={`${claim?.version ?? 0}-${answer}`}
      claim={claim}
      itemKeys={itemKeys}
      state={state}
      action={formAction}
      pending={pending}
    />
  );
}

function ClaimFields({
  claim,
  itemKeys,
  state,
  action,
  pending,
}: {
  claim: ClaimFormValues | undefined;
  itemKeys: string[];
  state: ActionState;
  action: (form: FormData) => void;
  pending: boolean;
}) {
  const val = (k: keyof ClaimFormValues) => kept(state, k, claim ? String(claim[k] ?? "") : "");
  const linkItems = keptList(state, "linkItem", claim?.links.map((l) => l.item) ?? []);
  const linkRequires = keptList(state, "linkRequires", claim?.links.map((l) => l.requires) ?? []);
  const paraphrase = state.values ? state.values.quoteIsParaphrase === "on" : (claim?.quoteIsParaphrase ?? false);
  const [rows, setRows] = useState(Math.max(linkItems.length, 3));
  return (
    <form action={action} className="space-y-3" aria-label={claim ? "Edit claim" : "Add a claim"}>
      {claim?.version !== undefined && <input type="hidden" name="version" value={claim.version} />}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Claim id">
          <Input name="id" required defaultValue={val("id")} readOnly={Boolean(claim)} placeholder="ignite-2025-keynote" />
        </Field>
        <DateInput label="Date" name="date" required defaultValue={val("date")} error={fieldError(state, "date")} />
        <Field label="Date precision">
          <Select name="datePrecision" defaultValue={val("datePrecision") || "day"}>
            <option>day</option>
            <option>month</option>
            <option>year</option>
          </Select>
        </Field>
        <Field label="About the date" hint="Optional: where the date comes from, when it is approximate." className="block sm:col-span-3">
          <Input name="dateNote" maxLength={500} defaultValue={val("dateNote")} placeholder="Published in July 2023; the day is approximate." />
        </Field>
        <Field label="Speaker">
          <Input name="speaker" required defaultValue={val("speaker")} />
        </Field>
        <Field label="Venue">
          <Input name="venue" defaultValue={val("venue")} />
        </Field>
        <Field label="Kind">
          <Input name="kind" defaultValue={val("kind")} placeholder="keynote, blog, interview…" />
        </Field>
      </div>
      <Field label="Short quote">
        <Textarea name="quote" required rows={2} defaultValue={val("quote")} />
      </Field>
      <label className="flex items-center gap-2">
        <input name="quoteIsParaphrase" type="checkbox" defaultChecked={paraphrase} />
        <span className="text-slate-700">The quote is a paraphrase</span>
      </label>
      <Field label="Source URL">
        <Input name="url" type="url" required defaultValue={val("url")} />
      </Field>
      <Field label="What the claim implies, in words" hint="Optional: what a reader would take the statement to say about the work; the links below say it in statuses.">
        <Textarea name="implies" rows={2} maxLength={500} defaultValue={val("implies")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-slate-700">Linked items and the status the claim implies</legend>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="grid grid-cols-2 gap-2 sm:w-2/3">
            <Select name="linkItem" aria-label={`Link ${i + 1} item`} defaultValue={linkItems[i] ?? ""}>
              <option value="">— no item —</option>
              <Options values={itemKeys} />
            </Select>
            <Select name="linkRequires" aria-label={`Link ${i + 1} implied status`} defaultValue={linkRequires[i] || "rollout"}>
              <Options values={STATUSES} label={statusLabel} />
            </Select>
          </div>
        ))}
        <button type="button" onClick={() => setRows((n) => n + 1)} className="text-indigo-700 hover:underline">
          + another link
        </button>
      </fieldset>
      <FormMessage state={state} />
      <Button disabled={pending}>{claim ? "Save claim" : "Add claim"}</Button>
    </form>
  );
}
