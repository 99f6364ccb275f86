"use server";

import { revalidatePath } from "next/cache";
import { refuseWrongArguments } from "@/app/_lib/action-args";
import { runAction, type ActionState } from "@/app/_lib/action-state";
import { requireActionPermission } from "@/app/_lib/auth";
import { createToken, revokeToken } from "@/db/accounts/api-tokens";
import { getDb } from "@/db/get-db";
import { AppError } from "@/lib/errors";

export interface TokenState {
  token: string | null;
  error: string | null;
}

/** Any signed-in person may make tokens for themselves; a token carries its owner's role. */
export async function createTokenAction(_prev: TokenState, form: FormData): Promise<TokenState> {
  const wrong = refuseWrongArguments(form);
  if (wrong) return { token: null, error: wrong.message };
  try {
    const person = await requireActionPermission("read");
    const name = String(form.get("name") ?? "").trim().slice(0, 100) || "web";
    const made = createToken(getDb(), person, name, person.email);
    revalidatePath("/account");
    return { token: made.token, error: null };
  } catch (e) {
    if (e instanceof AppError) return { token: null, error: e.message };
    throw e;
  }
}

/** Revokes one of the person's own tokens (any token for an admin); an unknown id is a refusal in words. */
export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form);
  if (wrong) return wrong;
  const id = String(form.get("id") ?? "").trim();
  const state = await runAction(async () => {
    const person = await requireActionPermission("read");
    if (!/^[1-9]\d{0,14}$/.test(id)) throw new AppError("invalid", `no token #${id.slice(0, 40)}: a token id is a whole number`);
    revokeToken(getDb(), Number(id), person);
  }, "Token revoked.");
  if (state.status === "ok") revalidatePath("/account");
  return state;
}
