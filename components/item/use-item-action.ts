import { useActionState } from "react";
import { IDLE, type ActionState, type FormAction } from "../ui/action-state";
import { useKeptForm } from "../ui/use-kept-form";
import { bindAction } from "../ui/bind-action";

/** What an item's page hands a form: the item, and a server action taking (slug, item key) first. */
export interface ItemAction {
  slug: string;
  itemKey: string;
  serverAction: FormAction<[string, string]>;
}

/** A form's state and action for an item action: the server action bound to the item. */
export function useItemAction({ slug, itemKey, serverAction }: ItemAction) {
  return useActionState<ActionState, FormData>(bindAction(serverAction, slug, itemKey), IDLE);
}

/** The same, for a form that shows its kept input again after a refusal (see useKeptForm). */
export function useKeptItemForm({ slug, itemKey, serverAction }: ItemAction) {
  return useKeptForm(bindAction(serverAction, slug, itemKey));
}
