"use client";

import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { FormMessage } from "../ui/form-message";

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1";

export interface EditableItem {
  title: string;
  description: string;
  area: string;
  owner: string | null;
  team: string;
  estimateWeeks: number;
  targetDate: string | null;
  version: number;
}

/**
 * Edit an item's fields. The version read with the page goes along; when someone else saved in
 * between, the refusal says so and the typed values stay in the form.
 */
export function EditItemForm({
  slug,
  itemKey,
  item,
  people,
  serverAction,
}: {
  slug: string;
  itemKey: string;
  item: EditableItem;
  people: { email: string; name: string }[];
  serverAction: FormAction<[string, string]>;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction.bind(null, slug, itemKey), IDLE);
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
      <label className="block sm:col-span-2">
        <span className="text-slate-700">Title</span>
        <input name="title" defaultValue={v.title} className={input} required />
      </label>
      <label className="block sm:col-span-2">
        <span className="text-slate-700">Description</span>
        <textarea name="description" defaultValue={v.description} rows={3} className={input} />
      </label>
      <label className="block">
        <span className="text-slate-700">Area</span>
        <input name="area" defaultValue={v.area} className={input} required />
      </label>
      <label className="block">
        <span className="text-slate-700">Owner</span>
        <select name="owner" defaultValue={v.owner} className={input}>
          <option value="">— nobody (a risk) —</option>
          {people.map((p) => (
            <option key={p.email} value={p.email}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-slate-700">Team</span>
        <input name="team" defaultValue={v.team} className={input} />
      </label>
      <label className="block">
        <span className="text-slate-700">Estimate (weeks)</span>
        <input name="estimateWeeks" type="number" step="0.5" min="0.5" defaultValue={v.estimateWeeks} className={input} required />
      </label>
      <label className="block">
        <span className="text-slate-700">Target date</span>
        <input name="targetDate" type="date" defaultValue={v.targetDate} className={input} />
      </label>
      <div className="sm:col-span-2 space-y-2">
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className="rounded bg-indigo-700 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          Save changes
        </button>
      </div>
    </form>
  );
}
