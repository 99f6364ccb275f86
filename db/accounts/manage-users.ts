import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { hashPasswordSync, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse-input";
import type { Db } from "../index";
import { LogWriter } from "../append-log";
import { people, type Person } from "../schema";

const passwordSchema = z
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

// Parsed as named fields, so an error names the field: `role: must be one of …`.
const parse = <T extends z.ZodType>(schema: T, input: unknown): z.output<T> => parseInput(schema, input, "account details");

export function findPerson(db: Db, email: string): Person | undefined {
  return db.select().from(people).where(eq(people.email, email.trim().toLowerCase())).get();
}

function requirePerson(db: Db, email: string): Person {
  const person = findPerson(db, email);
  if (!person) throw new AppError("not_found", `no account with e-mail ${email}`);
  return person;
}

/** Creates an account; the password (optional) is stored as an scrypt hash only. */
export function addUser(db: Db, input: UserInput, actor: string | null): Person {
  const user = parse(userInputSchema, input);
  if (findPerson(db, user.email)) throw new AppError("conflict", `an account with e-mail ${user.email} already exists`);
  const passwordHash = user.password ? hashPasswordSync(user.password) : null;
  return db.transaction((tx) => {
    const row = tx
      .insert(people)
      .values({ email: user.email, name: user.name, team: user.team, role: user.role, passwordHash })
      .returning()
      .get();
    new LogWriter(tx).append({
      actor,
      action: "create",
      entity: "person",
      entityId: user.email,
      programSlug: null,
      payload: { email: user.email, name: user.name, team: user.team, role: user.role, hasPassword: passwordHash !== null },
    });
    return row;
  });
}

export function setRole(db: Db, email: string, role: Role, actor: string | null): Person {
  const { role: parsedRole } = parse(z.object({ role: roleSchema }), { role });
  const person = requirePerson(db, email);
  return db.transaction((tx) => {
    const row = tx
      .update(people)
      .set({ role: parsedRole, version: person.version + 1 })
      .where(eq(people.id, person.id))
      .returning()
      .get();
    new LogWriter(tx).append({
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

export function setPassword(db: Db, email: string, password: string, actor: string | null): void {
  const hash = hashPasswordSync(parse(z.object({ password: passwordSchema }), { password }).password);
  const person = requirePerson(db, email);
  db.transaction((tx) => {
    tx.update(people).set({ passwordHash: hash, version: person.version + 1 }).where(eq(people.id, person.id)).run();
    new LogWriter(tx).append({
      actor,
      action: "set-password",
      entity: "person",
      entityId: person.email,
      programSlug: null,
      payload: { changed: true },
    });
  });
}

export function listUsers(db: Db) {
  return db
    .select({ email: people.email, name: people.name, team: people.team, role: people.role, passwordHash: people.passwordHash })
    .from(people)
    .orderBy(asc(people.email))
    .all()
    .map(({ passwordHash, ...p }) => ({ ...p, canSignIn: passwordHash !== null }));
}
