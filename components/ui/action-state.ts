import type { FieldError } from "@/lib/errors";

/** What a form's server action answers: a sentence for people, field errors by path, kept input. */
export interface ActionState {
  status: "idle" | "ok" | "error";
  message: string;
  errors: FieldError[];
  values?: Record<string, string>;
  /** A secret shown once with a success (a one-time password); never kept anywhere else. */
  secret?: string;
}

export const IDLE: ActionState = { status: "idle", message: "", errors: [] };

/**
 * A server action as a form component receives it from its page: the text arguments the component
 * binds (slug, item key…), then React's previous state and the submitted form.
 */
export type FormAction<Bound extends string[] = []> = (...args: [...Bound, ActionState, FormData]) => Promise<ActionState>;

/** The sign-in form's state: a refusal in words, and the e-mail to show again. */
export interface SignInState {
  error: string | null;
  email: string;
}

/** The new-token form's state: the token, shown once, or a refusal in words. */
export interface TokenState {
  token: string | null;
  error: string | null;
}
