"use server";

import { revalidatePath } from "next/cache";
import { refuseWrongArguments } from "@/app/_lib/action-args";
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

export async function revokeTokenAction(form: FormData): Promise<void> {
  const person = await requireActionPermission("read");
  revokeToken(getDb(), Number(form.get("id")), person);
  revalidatePath("/account");
}
