import { useActionState, useState } from "react";
import { IDLE, type ActionState } from "./action-state";

/**
 * A form's server action and its answer, with `answer`: a number that changes with every answer.
 * Key the form's fields on it. React resets a form after its action; fields remounted from the
 * answer (the kept values after a refusal, the fresh page after a success) show exactly what the
 * answer says, where reset controlled fields would drift from their state.
 */
export function useKeptForm<S = ActionState>(action: (state: Awaited<S>, form: FormData) => Promise<S>, initial = IDLE as Awaited<S>) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, initial);
  const [seen, setSeen] = useState({ state, answer: 0 });
  if (seen.state !== state) setSeen({ state, answer: seen.answer + 1 });
  return { state, formAction, pending, answer: seen.answer };
}

/** A kept field's value after a refusal, else `fallback` (what the page holds). */
export const kept = (state: ActionState, name: string, fallback: string): string => state.values?.[name] ?? fallback;

/** A kept multi-valued field after a refusal, else `fallback`. */
export const keptList = (state: ActionState, name: string, fallback: string[]): string[] => state.lists?.[name] ?? fallback;
