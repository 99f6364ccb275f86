import type { FieldError } from "@/lib/errors";
import type { ActionState } from "@/components/ui/action-state";

/**
 * A server action is a public POST endpoint: anyone can call it with whatever arguments React can
 * encode (an object where a slug was bound, a string or nothing where the form should be). Each
 * action calls this first, with its form and its bound text arguments, and answers the refusal
 * it returns: a readable error in the page state and nothing written, instead of a TypeError
 * (HTTP 500) deeper down.
 */
export function refuseWrongArguments(form: unknown, ...texts: unknown[]): ActionState | null {
  const errors: FieldError[] = [];
  texts.forEach((value, i) => {
    if (typeof value !== "string") errors.push({ path: `argument ${i + 1}`, message: `must be text, not ${kindOf(value)}` });
  });
  if (!(form instanceof FormData)) errors.push({ path: "form", message: `must be form data, not ${kindOf(form)}` });
  if (errors.length === 0) return null;
  return {
    status: "error",
    message: `This form reached the server in a shape it does not accept (${errors.map((e) => `${e.path} ${e.message}`).join("; ")}): reload the page and try again.`,
    errors,
  };
}

function kindOf(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
