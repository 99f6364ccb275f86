import { AppError, type FieldError } from "@/lib/errors";

/** What a form's server action answers: a sentence for people, field errors by path, kept input. */
export interface ActionState {
  status: "idle" | "ok" | "error";
  message: string;
  errors: FieldError[];
  values?: Record<string, string>;
}

export const IDLE: ActionState = { status: "idle", message: "", errors: [] };

/** Runs a domain call; a broken rule becomes a readable refusal, anything else is rethrown. */
export async function runAction(
  work: () => unknown | Promise<unknown>,
  success: string,
  values?: Record<string, string>,
): Promise<ActionState> {
  try {
    await work();
    return { status: "ok", message: success, errors: [] };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { status: "error", message: refusal(e), errors: e.errors, values };
  }
}

function refusal(e: AppError): string {
  switch (e.code) {
    case "unauthenticated":
      return "Your session has ended: sign in again.";
    case "forbidden":
      return `Not allowed: ${e.message}.`;
    case "conflict":
      return `${e.message}. Your input is kept below.`;
    default:
      return e.errors.length > 0 && e.code === "invalid" ? `${e.message}: ${e.errors.map((x) => `${x.path} ${x.message}`).join("; ")}` : e.message;
  }
}
