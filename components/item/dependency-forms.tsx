"use client";

import { FormMessage } from "../ui/form-message";
import { SelectAndSubmit } from "../ui/select-and-submit";
import { kept } from "../ui/use-kept-form";
import { useItemAction, useKeptItemForm, type ItemAction } from "./use-item-action";

/** Add a dependency; a refused choice (a cycle) stays selected beside the reason. */
export function AddDependencyForm({ candidates, ...target }: ItemAction & { candidates: string[] }) {
  const { state, formAction, pending, answer } = useKeptItemForm(target);
  return (
    <form action={formAction} className="space-y-2" aria-label="Add a dependency" key={answer}>
      <SelectAndSubmit label="Depends on" name="dependsOn" values={candidates} defaultValue={kept(state, "dependsOn", candidates[0] ?? "")} pending={pending} selectClassName="w-auto">
        Add dependency
      </SelectAndSubmit>
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
