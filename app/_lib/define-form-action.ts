import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/ui/action-state";
import { getDb } from "@/db/get-db";
import type { Db } from "@/db/index";
import type { Person } from "@/db/schema";
import type { GuardedChange } from "@/lib/auth/recent-sign-in";
import type { Permission } from "@/lib/auth/roles";
import { asAppError, type AppError } from "@/lib/errors";
import { fieldErrorsInWords } from "@/lib/form-field-words";
import { refuseWrongArguments } from "./action-args";
import { requireActionPermission } from "./auth";

/**
 * The trimmed text of a form field ("" when absent). A browser sends a text area's line breaks as
 * CRLF; they are stored as the text area showed them, LF.
 */
export const formText = (form: FormData, name: string) =>
  String(form.get(name) ?? "")
    .replace(/\r\n?/g, "\n")
    .trim();

type Texts<Names extends readonly string[]> = { -readonly [K in keyof Names]: string };

interface FormActionSpec<Names extends readonly string[], Input, Result> {
  /** The text arguments a page binds before React's (state, form), by name: `["slug", "key"]`. */
  args: Names;
  permission: Permission;
  /** Lets a person who must replace a one-time password through: only the form where they do. */
  passwordChange?: boolean;
  /** A change that outlives the session: refused unless the session signed in recently (recent-sign-in.ts). */
  recentSignIn?: GuardedChange;
  /** Form fields whose text the form shows again after a refusal ("your input is kept"); a checkbox reads "on" or "". */
  keep?: readonly string[];
  /** Multi-valued fields (rows of evidence, links) the form shows again after a refusal, every value in order. */
  keepAll?: readonly string[];
  /** Reads the form into the mutation's input (the mutation parses it); runs after the permission check. */
  input: (form: FormData, args: Texts<Names>) => Input;
  run: (ctx: { db: Db; actor: Person; input: Input; args: Texts<Names> }) => Result | Promise<Result>;
  success: string | ((ctx: { args: Texts<Names>; input: Input; result: Awaited<Result> }) => string);
  /** The path to revalidate after a success, with `"layout"` when everything under it shows the change. */
  revalidate?: (args: Texts<Names>) => string | readonly [string, "layout" | "page"];
  /** Where to go after a success, instead of answering a state (null: answer the state). */
  redirect?: (ctx: { args: Texts<Names>; input: Input; result: Awaited<Result> }) => string | null;
  /** A secret the success shows once (a one-time password), apart from the sentence. */
  reveal?: (result: Awaited<Result>) => string;
}

/**
 * One server action of a form, in the spirit of saas-starter's `validatedActionWithUser`: refuses
 * arguments of the wrong shape, checks the session and permission (with its rate limit), reads the
 * form, runs the mutation, and turns a broken rule into a readable state that keeps the input;
 * after a success it revalidates the page (or redirects). Anything but an AppError is rethrown.
 */
export function defineFormAction<const Names extends readonly string[], Input, Result>(
  spec: FormActionSpec<Names, Input, Result>,
): (...params: [...Texts<Names>, ActionState, FormData]) => Promise<ActionState> {
  return async (...params: unknown[]) => {
    // A server action is a public endpoint: the arguments are whatever the caller sent.
    const texts = Array.from({ length: spec.args.length }, (_, i) => params[i]);
    const form = params[spec.args.length + 1];
    const wrong = refuseWrongArguments(form, ...texts);
    if (wrong) return wrong;
    const args = texts as Texts<Names>;
    const formData = form as FormData;
    // Exactly as sent, untrimmed: the form shows what the person typed, not what the mutation reads.
    const values = spec.keep && Object.fromEntries(spec.keep.map((name) => [name, String(formData.get(name) ?? "")]));
    const lists = spec.keepAll && Object.fromEntries(spec.keepAll.map((name) => [name, formData.getAll(name).map(String)]));
    let input: Input;
    let result: Awaited<Result>;
    try {
      const actor = await requireActionPermission(spec.permission, { passwordChange: spec.passwordChange, recentSignIn: spec.recentSignIn });
      input = spec.input(formData, args);
      result = await spec.run({ db: await getDb(), actor, input, args });
    } catch (thrown) {
      const e = asAppError(thrown);
      if (!e) throw thrown;
      // Someone saved first: the page shows their version, so saving the kept input again is a choice.
      const stale = e.code === "conflict" && formData.has("version");
      if (stale) revalidate(spec.revalidate?.(args));
      return { status: "error", message: await refusal(e, stale), errors: e.errors, ...(values && { values }), ...(lists && { lists }) };
    }
    const to = spec.redirect?.({ args, input, result });
    if (to) redirect(to);
    revalidate(spec.revalidate?.(args));
    const message = typeof spec.success === "string" ? spec.success : spec.success({ args, input, result });
    return { status: "ok", message, errors: [], ...(spec.reveal ? { secret: spec.reveal(result) } : {}) };
  };
}

function revalidate(path: string | readonly [string, "layout" | "page"] | undefined) {
  if (typeof path === "string") revalidatePath(path);
  else if (path) revalidatePath(path[0], path[1]);
}

/** A broken rule in words for the person at the form. */
async function refusal(e: AppError, stale: boolean): Promise<string> {
  switch (e.code) {
    case "unauthenticated":
      return "Your session has ended: sign in again.";
    case "forbidden":
      return e.words ?? `Not allowed: ${e.message}.`;
    case "conflict":
      return stale
        ? `${e.message.replace(/; reload and retry$/, "")}. Your input is kept below; saving it again replaces their change.`
        : `${e.message}. Your input is kept below.`;
    default:
      if (e.words) return e.words;
      // The API names fields as its schema does (effectiveAt); the form, as its labels do.
      return e.errors.length > 0 && e.code === "invalid" ? `Not saved. ${fieldErrorsInWords(e.errors)}.` : e.message;
  }
}
