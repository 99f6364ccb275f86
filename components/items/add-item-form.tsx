"use client";

import { fieldError, type FormAction } from "../ui/action-state";
import { Button } from "../ui/button";
import type { OwnerChoice } from "@/db/queries/list-owner-choices";
import { DateInput, Field, Input, LabelledOptions, Select, Textarea } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { useKeptForm } from "../ui/use-kept-form";
import { bindAction } from "../ui/bind-action";

/**
 * An admin adds an item to the program: it starts not started, identified today unless a date is
 * given; its page opens next, for its dependencies and first report. A refusal keeps what was typed.
 */
export function AddItemForm({ slug, serverAction, people, open = false }: { slug: string; serverAction: FormAction<[string]>; people: OwnerChoice[]; open?: boolean }) {
  const { state, formAction, pending, answer } = useKeptForm(bindAction(serverAction, slug));
  const v = state.values ?? {};
  return (
    <details className="rounded border border-slate-200 bg-white p-3" open={open || state.status === "error"}>
      <summary className="cursor-pointer font-medium text-indigo-800">Add an item</summary>
      <form action={formAction} className="mt-3 grid max-w-3xl gap-3 sm:grid-cols-2" aria-label="Add an item" key={answer}>
        <Field label="Key" hint="e.g. FND-07: letters, digits, - _ ." error={fieldError(state, "key")}>
          <Input name="key" required maxLength={40} defaultValue={v.key} className="font-mono" />
        </Field>
        <Field label="Title" error={fieldError(state, "title")}>
          <Input name="title" required maxLength={300} defaultValue={v.title} />
        </Field>
        <Field label="Area" hint="e.g. Foundations, Networking" error={fieldError(state, "area")}>
          <Input name="area" required maxLength={100} defaultValue={v.area} />
        </Field>
        <Field label="Estimate (weeks)" error={fieldError(state, "estimateWeeks")}>
          <Input name="estimateWeeks" required inputMode="decimal" defaultValue={v.estimateWeeks} />
        </Field>
        <Field label="Owner" error={fieldError(state, "owner")}>
          <Select name="owner" defaultValue={v.owner ?? ""}>
            <option value="">— nobody (a risk) —</option>
            <LabelledOptions options={people.map((p) => ({ value: p.email, label: p.name }))} />
          </Select>
        </Field>
        <Field label="Team" error={fieldError(state, "team")}>
          <Input name="team" maxLength={200} defaultValue={v.team} />
        </Field>
        <DateInput label="Identified on" hint="when it became part of the program; today if empty" name="identifiedAt" defaultValue={v.identifiedAt} error={fieldError(state, "identifiedAt")} />
        <DateInput label="Target date" hint="optional" name="targetDate" defaultValue={v.targetDate} error={fieldError(state, "targetDate")} />
        <Field label="Description" className="block sm:col-span-2" error={fieldError(state, "description")}>
          <Textarea name="description" rows={2} defaultValue={v.description} />
        </Field>
        <div className="sm:col-span-2">
          <FormMessage state={state} />
        </div>
        <Button disabled={pending} className="w-fit">
          Add item
        </Button>
      </form>
    </details>
  );
}
