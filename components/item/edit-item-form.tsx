"use client";

import type { ItemDetail } from "@/db/queries/get-item-detail";
import type { OwnerChoice } from "@/db/queries/list-owner-choices";
import { fieldError } from "../ui/action-state";
import { DateInput, Field, Input, LabelledOptions, Select, Textarea } from "../ui/field";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { useKeptItemForm, type ItemAction } from "./use-item-action";

/** The fields the form edits, as the item page reads them, and the version they were read at. */
export type EditableItem = Pick<ItemDetail, "title" | "description" | "area" | "owner" | "team" | "estimateWeeks" | "targetDate" | "components" | "version">;

/**
 * Edit an item's fields. The version read with the page goes along; when someone else saved in
 * between, the refusal says so, the typed values stay in the form and the page moves to their
 * version, so saving again is a deliberate choice.
 */
export function EditItemForm({ item, people, ...target }: ItemAction & { item: EditableItem; people: OwnerChoice[] }) {
  const { state, formAction, pending, answer } = useKeptItemForm(target);
  const v = state.values ?? {
    title: item.title,
    description: item.description,
    area: item.area,
    owner: item.owner ?? "",
    team: item.team,
    estimateWeeks: String(item.estimateWeeks),
    targetDate: item.targetDate?.slice(0, 10) ?? "",
    components: item.components.join("\n"),
  };
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2" aria-label="Edit item" key={`${item.version}-${answer}`}>
      <input type="hidden" name="version" value={item.version} />
      <Field label="Title" className="block sm:col-span-2">
        <Input name="title" defaultValue={v.title} required />
      </Field>
      <Field label="Description" className="block sm:col-span-2">
        <Textarea name="description" defaultValue={v.description} rows={3} />
      </Field>
      <Field label="Area">
        <Input name="area" defaultValue={v.area} required />
      </Field>
      <Field label="Owner">
        <Select name="owner" defaultValue={v.owner}>
          <option value="">— nobody (a risk) —</option>
          <LabelledOptions options={people.map((p) => ({ value: p.email, label: p.disabled ? `${p.name} (account disabled)` : p.name }))} />
        </Select>
      </Field>
      <Field label="Team">
        <Input name="team" defaultValue={v.team} />
      </Field>
      <Field label="Estimate (weeks)">
        <Input name="estimateWeeks" type="number" step="0.5" min="0.5" defaultValue={v.estimateWeeks} required />
      </Field>
      <DateInput label="Target date" name="targetDate" defaultValue={v.targetDate} error={fieldError(state, "targetDate")} />
      <Field
        label="Components"
        className="block sm:col-span-2"
        hint="One per line: path globs (vm/devices/net/**), Cargo packages (underhill_core) or crash modules. Coverage, dependency and crash figures are read per item through these."
        error={state.errors.find((e) => e.path.startsWith("components"))?.message}
      >
        <Textarea name="components" defaultValue={v.components} rows={3} className="font-mono text-sm" />
      </Field>
      <div className="sm:col-span-2 space-y-2">
        <FormMessage state={state} />
        <Button disabled={pending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
