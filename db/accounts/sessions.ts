import { transact } from "../transact";
import { firstRow } from "../first-row";
import { and, eq, gt, isNull, lt, sql, type Placeholder } from "drizzle-orm";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import { SESSION_TTL_MS, signInDelayMs } from "@/lib/auth/sign-in-throttle";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../index";
import { deviceThrottleKey, knownDeviceOf, rememberDevice, type KnownDevice } from "./known-devices";
import { preparedOnce } from "../prepared-statement";
import { people, sessions, signInFailures, type Person } from "../schema";

const WRONG = "wrong e-mail or password";

/**
 * Checks a person's password, throttled: failed attempts are counted and slow further attempts
 * down (429 with the wait) — whether or not the account exists. They are counted per e-mail, and
 * apart for each browser the account has signed in from before (`device`, its cookie's secret):
 * guesses at an e-mail from elsewhere slow down every stranger but never its owner's own browsers.
 * Each attempt is counted as a failure *before* the password is checked, in one transaction, and
 * refused on the count it finds: attempts racing each other in parallel each see the ones before
 * them, so no more guesses are checked than the throttle allows. A right password clears the
 * count it was checked against. Sign-in and a person's own password change share it.
 */
export async function checkPassword(db: Db, email: string, password: string, now = Date.now(), device?: string): Promise<CheckedPassword> {
  const key = email.trim().toLowerCase();
  const knownDevice = await knownDeviceOf(db, key, device, now);
  const counted = knownDevice ? deviceThrottleKey(knownDevice) : key;
  await transact(db, async (tx) => {
    const failure = await firstRow(tx.select().from(signInFailures).where(eq(signInFailures.email, counted)));
    const wait = failure ? failure.lastFailureAt + signInDelayMs(failure.failures) - now : 0;
    if (wait > 0) throw new AppError("rate_limited", `too many failed sign-ins: try again in ${Math.ceil(wait / 1000)} s`);
    await tx.insert(signInFailures)
      .values({ email: counted, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({ target: signInFailures.email, set: { failures: sql`${signInFailures.failures} + 1`, lastFailureAt: now } });
  });
  const person = await firstRow(db.select().from(people).where(eq(people.email, key)));
  const ok = await verifyPassword(password, person?.passwordHash ?? null);
  if (!person || !ok) throw new AppError("unauthenticated", WRONG);
  await db.delete(signInFailures).where(eq(signInFailures.email, counted));
  return { person, knownDevice };
}

interface CheckedPassword {
  person: Person;
  /** The known browser the password was checked from, if it was one. */
  knownDevice: KnownDevice | null;
}

/**
 * Opens a server-side session for the right password, and remembers the browser (`device`, its
 * cookie's secret, if it brought one). A disabled account is told so, but only once its password
 * has been shown to be right: a guess learns nothing about the account.
 */
export async function signIn(db: Db, email: string, password: string, now = Date.now(), device?: string): Promise<SignedIn> {
  const { person, knownDevice } = await checkPassword(db, email, password, now, device);
  if (person.disabledAt !== null) throw new AppError("forbidden", "this account is disabled: ask an administrator to enable it");
  return await transact(db, async (tx) => ({ ...(await openSession(tx, person, now)), device: await rememberDevice(tx, person, device, knownDevice, now) }));
}

export interface SignedIn extends OpenedSession {
  /** The browser's device cookie secret: the one it brought when known, else a new one. */
  device: string;
}

export interface OpenedSession {
  /** The cookie's secret, given once; only its sha256 is stored. */
  token: string;
  person: Person;
  expiresAt: number;
}

/** A new session for a person already authenticated (password or single sign-on), inside the caller's transaction. */
export async function openSession(tx: Tx, person: Person, now = Date.now(), idToken: string | null = null): Promise<OpenedSession> {
  const token = newSecret("bts");
  await tx.delete(sessions).where(lt(sessions.expiresAt, now));
  await tx.insert(sessions).values({ id: sha256(token), personId: person.id, createdAt: now, expiresAt: now + SESSION_TTL_MS, idToken });
  await tx.update(people).set({ lastSignInAt: now }).where(eq(people.id, person.id));
  return { token, person, expiresAt: now + SESSION_TTL_MS };
}

/** The person behind a live session cookie, or null. */
export async function sessionPerson(db: Db, token: string | undefined, now = Date.now()): Promise<Person | null> {
  if (!token) return null;
  return (await firstRow(sessionPersonStatement(db).execute({ id: sha256(token), now })))?.person ?? null;
}

const sessionPersonStatement = preparedOnce((db: Db) => sessionPersonQuery(db, sql.placeholder("id"), sql.placeholder("now")).prepare());

/**
 * Runs on every request: one primary-key lookup and one join by id (tests/db/query-plans.test.ts).
 * The account's state is read each time, so a disabled person's session stops at once.
 */
export function sessionPersonQuery(db: Db, sessionId: string | Placeholder, now: number | Placeholder) {
  return db
    .select({ person: people })
    .from(sessions)
    .innerJoin(people, eq(sessions.personId, people.id))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), isNull(people.disabledAt)));
}

/** When the live session `token` names was opened (its sign-in), or null for none. */
export async function sessionSignedInAt(db: Db, token: string | undefined, now = Date.now()): Promise<number | null> {
  if (!token) return null;
  const row = await firstRow(db.select({ createdAt: sessions.createdAt }).from(sessions).where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, now))));
  return row?.createdAt ?? null;
}

/** Ends a session; returns its ID token when single sign-on opened it (the provider's sign-out hint), else null. */
export async function endSession(db: Db, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  return (await db.delete(sessions).where(eq(sessions.id, sha256(token))).returning({ idToken: sessions.idToken }))[0]?.idToken ?? null;
}
