"use client";

import type { ItemDetail } from "@/db/queries/get-item-detail";
import { Field, Input, Select, Textarea } from "../ui/field";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { useItemAction, type ItemAction } from "./use-item-action";

/** The fields the form edits, as the item page reads them, and the version they were read at. */
export type EditableItem = Pick<ItemDetail, "title" | "description" | "area" | "owner" | "team" | "estimateWeeks" | "targetDate" | "version">;

/**
 * Edit an item's fields. The version read with the page goes along; when someone else saved in
 * between, the refusal says so and the typed values stay in the form.
 */
export function EditItemForm({ item, people, ...target }: ItemAction & { item: EditableItem; people: { email: string; name: string }[] }) {
  const [state, action, pending] = useItemAction(target);
  const v = state.values ?? {
    title: item.title,
    description: item.description,
    area: item.area,
    owner: item.owner ?? "",
    team: item.team,
    estimateWeeks: String(item.estimateWeeks),
    targetDate: item.targetDate?.slice(0, 10) ?? "",
  };
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" aria-label="Edit item" key={`${item.version}-${state.status}`}>
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
          {people.map((p) => (
            <option key={p.email} value={p.email}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Team">
        <Input name="team" defaultValue={v.team} />
      </Field>
      <Field label="Estimate (weeks)">
        <Input name="estimateWeeks" type="number" step="0.5" min="0.5" defaultValue={v.estimateWeeks} required />
      </Field>
      <Field label="Target date">
        <Input name="targetDate" type="date" defaultValue={v.targetDate} />
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
