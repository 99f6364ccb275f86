"use client";

import { Options } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { Button } from "@/components/ui/button";
import { kept } from "../ui/use-kept-form";
import { useItemAction, useKeptItemForm, type ItemAction } from "./use-item-action";

/** Add a dependency; a refused choice (a cycle) stays selected beside the reason. */
export function AddDependencyForm({ candidates, ...target }: ItemAction & { candidates: string[] }) {
  const { state, formAction, pending, answer } = useKeptItemForm(target);
  return (
    <form action={formAction} className="space-y-2" aria-label="Add a dependency" key={answer}>
      <div className="flex items-end gap-2">
        <label>
          <span className="text-slate-700">Depends on</span>
          <select name="dependsOn" defaultValue={kept(state, "dependsOn", candidates[0] ?? "")} className="mt-1 block rounded border border-slate-300 px-2 py-1">
            <Options values={candidates} />
          </select>
        </label>
        <Button variant="secondary" disabled={pending}>
          Add dependency
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveDependencyButton({ dependsOn, ...target }: ItemAction & { dependsOn: string }) {
  const [state, action, pending] = useItemAction(target);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="dependsOn" value={dependsOn} />
      <button type="submit" disabled={pending} className="text-xs text-red-800 hover:underline" aria-label={`Remove dependency on ${dependsOn}`}>
        remove
      </button>
      <FormMessage state={state} />
    </form>
  );
}
