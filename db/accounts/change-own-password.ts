import { affectedRows } from "../affected-rows";
import { transact } from "../transact";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { sha256 } from "@/lib/auth/secrets";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { appendToLog } from "../append-log";
import { people, sessions, type Person } from "../schema";
import { passwordSchema, requirePerson } from "./manage-users";
import { countLiveTokens } from "./api-tokens";
import { forgetDevices } from "./known-devices";
import { checkPassword } from "./sessions";

const inputSchema = z
  .object({ current: z.string().max(200).default(""), password: passwordSchema, confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the new password" });
export type OwnPasswordInput = z.input<typeof inputSchema>;

/**
 * A person sets their own password. After a reset (a one-time password) it is the first thing they
 * must do, and the one-time password they just signed in with is not asked again, nor accepted as
 * the new one; otherwise the current password is checked, throttled like a sign-in (from their
 * browser, `device`: its own count). Their other
 * sessions end; the one they are using (`sessionToken`) stays open. API tokens stay, as the person
 * made them for their scripts: how many still work is returned, for the person to be told.
 */
export async function changeOwnPassword(db: Db, person: Person, input: OwnPasswordInput, sessionToken?: string, device?: string): Promise<{ liveTokens: number }> {
  const { current, password } = parseInput(inputSchema, input, "password");
  if (person.mustChangePassword) {
    if (await verifyPassword(password, person.passwordHash))
      throw new AppError("invalid", "invalid password", [{ path: "password", message: "must differ from the one-time password you were given" }]);
  } else {
    if (!current) throw new AppError("invalid", "invalid password", [{ path: "current", message: "enter your current password" }]);
    try {
      await checkPassword(db, person.email, current, Date.now(), device);
    } catch (e) {
      if (e instanceof AppError && e.code === "unauthenticated")
        throw new AppError("invalid", "invalid password", [{ path: "current", message: "is not your current password" }]);
      throw e;
    }
  }
  const hash = await hashPassword(password);
  return await transact(db, async (tx) => {
    const now = await requirePerson(tx, person.email);
    if (now.disabledAt !== null) throw new AppError("forbidden", "this account is disabled");
    await tx.update(people).set({ passwordHash: hash, mustChangePassword: false, version: now.version + 1 }).where(eq(people.id, now.id));
    const keep = sessionToken ? sha256(sessionToken) : "";
    const ended = affectedRows(await tx.delete(sessions).where(and(eq(sessions.personId, now.id), ne(sessions.id, keep))));
    await forgetDevices(tx, now, device);
    await appendToLog(tx, {
      actor: now.email,
      action: "set-password",
      entity: "person",
      entityId: now.email,
      programSlug: null,
      payload: { changed: true, own: true, replacedOneTimePassword: now.mustChangePassword, sessionsEnded: ended },
    });
    return { liveTokens: await countLiveTokens(tx, now.id) };
  });
}
