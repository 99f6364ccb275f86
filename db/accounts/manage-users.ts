import { affectedRows } from "../affected-rows";
import { transact } from "../transact";
import { firstRow } from "../first-row";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { hashPassword, hashPasswordSync, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { randomPassword } from "@/lib/auth/secrets";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db, Tx } from "../index";
import { appendToLog } from "../append-log";
import { people, sessions, type Person } from "../schema";
import { forgetDevices } from "./known-devices";
import { refuseLeavingNoAdmin } from "./last-admin";

/** The one password rule: every door that sets a password (CLI, reset, the person's own change) uses it. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "must be at most 200 characters");
const roleSchema = z.enum(ROLES, { error: () => `must be one of ${ROLES.join(", ")}` });

const userInputSchema = z.object({
  email: z.email({ error: () => "must be an e-mail address" }).max(254).toLowerCase(),
  name: z.string().trim().min(1, "must not be empty").max(200),
  team: z.string().trim().max(200).default(""),
  role: roleSchema,
  password: passwordSchema.optional(),
});
export type UserInput = z.input<typeof userInputSchema>;
type ParsedUser = z.output<typeof userInputSchema>;

// Parsed as named fields, so an error names the field: `role: must be one of …`.
const parse = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => parseInput(schema, input, "account details");

export async function findPerson(db: Db | Tx, email: string): Promise<Person | undefined> {
  return await firstRow(db.select().from(people).where(eq(people.email, email.trim().toLowerCase())));
}

/**
 * Stores a new password hash (one-time or chosen), ends every session of the account and forgets
 * its known browsers: whoever knew the old password may hold a session, or a browser's own count. Returns the updated person and how many sessions ended.
 */
export async function storePassword(tx: Tx, person: Person, hash: string, oneTime: boolean): Promise<{ person: Person; ended: number }> {
  const updated = (await tx
    .update(people)
    .set({ passwordHash: hash, mustChangePassword: oneTime, version: person.version + 1 })
    .where(eq(people.id, person.id))
    .returning())[0];
  const ended = affectedRows(await tx.delete(sessions).where(eq(sessions.personId, person.id)));
  await forgetDevices(tx, person);
  return { person: updated, ended };
}

export async function requirePerson(db: Db | Tx, email: string): Promise<Person> {
  const person = await findPerson(db, email);
  if (!person) throw new AppError("not_found", `no account with e-mail ${email.slice(0, 254)}`);
  return person;
}

async function insertPerson(db: Db, user: ParsedUser, passwordHash: string | null, mustChangePassword: boolean, actor: string | null): Promise<Person> {
  return await transact(db, async (tx) => {
    // Inside the transaction: two admins adding the same e-mail at once get one account and one refusal.
    if (await findPerson(tx, user.email)) throw new AppError("conflict", `an account with e-mail ${user.email} already exists`);
    const row = (await tx
      .insert(people)
      .values({ email: user.email, name: user.name, team: user.team, role: user.role, passwordHash, mustChangePassword })
      .returning())[0];
    await appendToLog(tx, {
      actor,
      action: "create",
      entity: "person",
      entityId: user.email,
      programSlug: null,
      payload: {
        email: user.email,
        name: user.name,
        team: user.team,
        role: user.role,
        hasPassword: passwordHash !== null,
        ...(mustChangePassword ? { oneTimePassword: true } : {}),
      },
    });
    return row;
  });
}

/** Creates an account, hashing a given password on the spot: for first start and fixtures, never for a request. */
export async function addUser(db: Db, input: UserInput, actor: string | null): Promise<Person> {
  const user = parse(userInputSchema, input);
  return await insertPerson(db, user, user.password ? hashPasswordSync(user.password) : null, false, actor);
}

/**
 * Creates an account (the people page and `user add`). With `oneTimePassword`, the account gets a
 * random password, returned once, that its owner must replace at their first sign-in; otherwise
 * the password given, or none (an account that cannot sign in yet).
 */
export async function addPerson(
  db: Db,
  input: UserInput,
  actor: string | null,
  { oneTimePassword = false }: { oneTimePassword?: boolean } = {},
): Promise<{ person: Person; oneTimePassword: string | null }> {
  const user = parse(userInputSchema, input);
  if (oneTimePassword && user.password) throw new AppError("invalid", "give a password or ask for a one-time password, not both");
  if (await findPerson(db, user.email)) throw new AppError("conflict", `an account with e-mail ${user.email} already exists`);
  const clear = oneTimePassword ? randomPassword() : (user.password ?? null);
  const hash = clear === null ? null : await hashPassword(clear);
  const person = await insertPerson(db, user, hash, oneTimePassword, actor);
  return { person, oneTimePassword: oneTimePassword ? clear : null };
}

/** Changes a role; the last active admin is never demoted (someone must be able to administer). */
export async function setRole(db: Db, email: string, role: Role, actor: string | null): Promise<Person> {
  const { role: parsedRole } = parse(z.object({ role: roleSchema }), { role });
  return await transact(db, async (tx) => {
    const person = await requirePerson(tx, email);
    if (person.role === parsedRole) return person;
    if (parsedRole !== "admin") await refuseLeavingNoAdmin(tx, person, `make ${person.email} ${parsedRole}`);
    const row = (await tx
      .update(people)
      .set({ role: parsedRole, version: person.version + 1 })
      .where(eq(people.id, person.id))
      .returning())[0];
    await appendToLog(tx, {
      actor,
      action: "set-role",
      entity: "person",
      entityId: person.email,
      programSlug: null,
      payload: { from: person.role, to: parsedRole },
    });
    return row;
  });
}

/**
 * Sets a password chosen at the shell (`user set-password`): it replaces any one-time password,
 * and every open session of the account ends, as whoever knew the old password may hold one.
 */
export async function setPassword(db: Db, email: string, password: string, actor: string | null): Promise<void> {
  const hash = hashPasswordSync(parse(z.object({ password: passwordSchema }), { password }).password);
  await transact(db, async (tx) => {
    const person = await requirePerson(tx, email);
    const { ended } = await storePassword(tx, person, hash, false);
    await appendToLog(tx, {
      actor,
      action: "set-password",
      entity: "person",
      entityId: person.email,
      programSlug: null,
      payload: { changed: true, sessionsEnded: ended },
    });
  });
}

export async function listUsers(db: Db) {
  return (await db
    .select({ email: people.email, name: people.name, team: people.team, role: people.role, passwordHash: people.passwordHash })
    .from(people)
    .orderBy(asc(people.email)))
    .map(({ passwordHash, ...p }) => ({ ...p, canSignIn: passwordHash !== null }));
}
