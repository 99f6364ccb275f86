import type { ActionState } from "./action-state";

/** The answer of a form: a refusal in words (role=alert) or a confirmation (role=status). */
export function FormMessage({ state }: { state: ActionState }) {
  if (state.status === "idle") return null;
  return state.status === "error" ? (
    <p role="alert" className="rounded bg-red-50 p-2 text-red-800">
      {state.message}
    </p>
  ) : (
    <p role="status" className="rounded bg-emerald-50 p-2 text-emerald-900">
      {state.message}
    </p>
  );
}
