"use client";

import { Options } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { Button } from "@/components/ui/button";
import { useItemAction, type ItemAction } from "./use-item-action";

export function AddDependencyForm({ candidates, ...target }: ItemAction & { candidates: string[] }) {
  const [state, action, pending] = useItemAction(target);
  return (
    <form action={action} className="space-y-2" aria-label="Add a dependency">
      <div className="flex items-end gap-2">
        <label>
          <span className="text-slate-700">Depends on</span>
          <select name="dependsOn" className="mt-1 block rounded border border-slate-300 px-2 py-1">
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
