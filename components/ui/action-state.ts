import type { FieldError } from "@/lib/errors";

/** What a form's server action answers: a sentence for people, field errors by path, kept input. */
export interface ActionState {
  status: "idle" | "ok" | "error";
  message: string;
  errors: FieldError[];
  /** After a refusal, each kept field as it was sent (a checkbox: "on" or ""). */
  values?: Record<string, string>;
  /** A secret shown once with a success (a one-time password); never kept anywhere else. */
  secret?: string;
  /** After a refusal, each kept multi-valued field (rows of evidence, links), every value in order. */
  lists?: Record<string, string[]>;
}

export const IDLE: ActionState = { status: "idle", message: "", errors: [] };

/** The message of the first field error at `path`, for the field to show beside itself. */
export const fieldError = (state: ActionState, path: string): string | undefined => state.errors.find((e) => e.path === path)?.message;

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

/** The new-token form's state: the token, shown once, with when it expires; or a refusal in words and the choices to show again. */
export interface TokenState {
  token: string | null;
  /** "YYYY-MM-DD HH:MM UTC", or "never". */
  expires?: string;
  error: string | null;
  name: string;
  days?: string;
  /** What the action still asks for before it makes a token (its refusal says why). */
  confirm?: "none" | "password" | "sign-in-again";
}
