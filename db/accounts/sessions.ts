import { and, eq, gt, lt, sql } from "drizzle-orm";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import { SESSION_TTL_MS, signInDelayMs } from "@/lib/auth/sign-in-throttle";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { Db } from "../index";
import { people, sessions, signInFailures, type Person } from "../schema";

const WRONG = "wrong e-mail or password";

/**
 * Checks a password and opens a server-side session. Failed attempts per e-mail are counted and
 * slow further attempts down (429 with the wait) — whether or not the account exists. Each attempt
 * is counted as a failure *before* the password is checked, in one transaction, and refused on the
 * count it finds: attempts racing each other in parallel each see the ones before them, so no more
 * guesses are checked than the throttle allows. A right password clears the count.
 */
export async function signIn(db: Db, email: string, password: string, now = Date.now()) {
  const key = email.trim().toLowerCase();
  db.transaction((tx) => {
    const failure = tx.select().from(signInFailures).where(eq(signInFailures.email, key)).get();
    const wait = failure ? failure.lastFailureAt + signInDelayMs(failure.failures) - now : 0;
    if (wait > 0) throw new AppError("rate_limited", `too many failed sign-ins: try again in ${Math.ceil(wait / 1000)} s`);
    tx.insert(signInFailures)
      .values({ email: key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({ target: signInFailures.email, set: { failures: sql`${signInFailures.failures} + 1`, lastFailureAt: now } })
      .run();
  });
  const person = db.select().from(people).where(eq(people.email, key)).get();
  const ok = await verifyPassword(password, person?.passwordHash ?? null);
  if (!person || !ok) throw new AppError("unauthenticated", WRONG);
  const token = newSecret("bts");
  db.transaction((tx) => {
    tx.delete(signInFailures).where(eq(signInFailures.email, key)).run();
    tx.delete(sessions).where(lt(sessions.expiresAt, now)).run();
    tx.insert(sessions).values({ id: sha256(token), personId: person.id, createdAt: now, expiresAt: now + SESSION_TTL_MS }).run();
  });
  return { token, person, expiresAt: now + SESSION_TTL_MS };
}

/** The person behind a live session cookie, or null. */
export function sessionPerson(db: Db, token: string | undefined, now = Date.now()): Person | null {
  if (!token) return null;
  const row = db
    .select({ person: people })
    .from(sessions)
    .innerJoin(people, eq(sessions.personId, people.id))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, now)))
    .get();
  return row?.person ?? null;
}

export function endSession(db: Db, token: string | undefined): void {
  if (token) db.delete(sessions).where(eq(sessions.id, sha256(token))).run();
}
