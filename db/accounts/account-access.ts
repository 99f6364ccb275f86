import { affectedRows } from "../affected-rows";
import { transact } from "../transact";
import { and, eq, isNull } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { randomPassword } from "@/lib/auth/secrets";
import { AppError } from "@/lib/errors";
import type { Db } from "../index";
import { appendToLog, LogWriter } from "../append-log";
import { apiTokens, people, sessions, type Person } from "../schema";
import { countLiveTokens } from "./api-tokens";
import { forgetDevices } from "./known-devices";
import { refuseLeavingNoAdmin } from "./last-admin";
import { requirePerson, storePassword } from "./manage-users";

// An administrator's hold on other accounts: reset a password, disable, enable. Each is one
// transaction with its log entries; the people page and the CLI call these same functions.

/**
 * Gives the account a random one-time password, returned once: its owner must choose their own
 * at the next sign-in before anything else. Every open session of the account ends (whoever knew
 * the old password may hold one); API tokens stay, as the person made them (how many still work
 * is returned, for the admin to be told). An admin changes
 * their own password on their account page instead: a reset would sign them out mid-way.
 */
export async function resetPassword(db: Db, email: string, actor: string | null): Promise<{ person: Person; oneTimePassword: string; liveTokens: number }> {
  const target = await requirePerson(db, email);
  if (actor !== null && actor === target.email)
    throw new AppError("rule", "you cannot reset your own password here: change it on your account page (Change your password)");
  const oneTimePassword = randomPassword();
  const hash = await hashPassword(oneTimePassword);
  const { person, liveTokens } = await transact(db, async (tx) => {
    const current = await requirePerson(tx, email);
    const { person: row, ended } = await storePassword(tx, current, hash, true);
    await appendToLog(tx, {
      actor,
      action: "reset-password",
      entity: "person",
      entityId: current.email,
      programSlug: null,
      payload: { oneTimePassword: true, sessionsEnded: ended },
    });
    return { person: row, liveTokens: await countLiveTokens(tx, row.id) };
  });
  return { person, oneTimePassword, liveTokens };
}

/**
 * Disables an account: from the next request on, its sessions and API tokens are refused — the
 * sessions are deleted and the tokens revoked here (re-enabling restores neither), and the
 * session and token checks refuse a disabled account besides. The person stays, so history keeps
 * their name. The last active admin cannot be disabled.
 */
export async function disableAccount(db: Db, email: string, actor: string | null, now = Date.now()): Promise<Person> {
  return await transact(db, async (tx) => {
    const person = await requirePerson(tx, email);
    if (person.disabledAt !== null) throw new AppError("conflict", `${person.email} is already disabled`);
    await refuseLeavingNoAdmin(tx, person, `disable ${person.email}`);
    const row = (await tx.update(people).set({ disabledAt: now, version: person.version + 1 }).where(eq(people.id, person.id)).returning())[0];
    const ended = affectedRows(await tx.delete(sessions).where(eq(sessions.personId, person.id)));
    await forgetDevices(tx, person);
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.personId, person.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, prefix: apiTokens.prefix });
    const log = await LogWriter.open(tx);
    await log.append({
      actor,
      action: "disable",
      entity: "person",
      entityId: person.email,
      programSlug: null,
      payload: { sessionsEnded: ended, tokensRevoked: revoked.map((t) => t.id) },
    });
    for (const t of revoked)
      await log.append({ actor, action: "revoke", entity: "api-token", entityId: String(t.id), programSlug: null, payload: { prefix: t.prefix, reason: "account disabled" } });
    return row;
  });
}

/** Lets a disabled account sign in again, with its password as it was; its old tokens stay revoked. */
export async function enableAccount(db: Db, email: string, actor: string | null): Promise<Person> {
  return await transact(db, async (tx) => {
    const person = await requirePerson(tx, email);
    if (person.disabledAt === null) throw new AppError("conflict", `${person.email} is not disabled`);
    const row = (await tx.update(people).set({ disabledAt: null, version: person.version + 1 }).where(eq(people.id, person.id)).returning())[0];
    await appendToLog(tx, { actor, action: "enable", entity: "person", entityId: person.email, programSlug: null, payload: { disabledSince: new Date(person.disabledAt).toISOString() } });
    return row;
  });
}
