"use client";

import { FormMessage } from "../ui/form-message";
import { SelectAndSubmit } from "../ui/select-and-submit";
import { kept } from "../ui/use-kept-form";
import { Button } from "../ui/button";
import { ItemKeySearch } from "./item-key-search";
import { useItemAction, useKeptItemForm, type ItemAction } from "./use-item-action";

/**
 * Add a dependency; a refused choice (a cycle) stays beside the reason. The candidates are listed
 * in a select when the program is small; `search` instead gives a text box that suggests keys.
 */
export function AddDependencyForm({ candidates, exclude, ...target }: ItemAction & ({ candidates: string[]; exclude?: never } | { candidates?: never; exclude: string[] })) {
  const { state, formAction, pending, answer } = useKeptItemForm(target);
  return (
    <form action={formAction} className="space-y-2" aria-label="Add a dependency" key={answer}>
      {candidates ? (
        <SelectAndSubmit label="Depends on" name="dependsOn" values={candidates} defaultValue={kept(state, "dependsOn", candidates[0] ?? "")} pending={pending} selectClassName="w-auto">
          Add dependency
        </SelectAndSubmit>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <ItemKeySearch slug={target.slug} name="dependsOn" label="Depends on" defaultValue={kept(state, "dependsOn", "")} exclude={exclude} />
          <Button variant="secondary" disabled={pending}>
            Add dependency
          </Button>
        </div>
      )}
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
