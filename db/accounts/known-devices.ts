import { and, desc, eq, gt, inArray, lt, ne } from "drizzle-orm";
import { isSecretShaped, newSecret, sha256 } from "@/lib/auth/secrets";
import { firstRow } from "../first-row";
import type { Db, Tx } from "../index";
import { knownDevices, people, signInFailures, type Person } from "../schema";

/** A browser not used to sign in for this long is forgotten. */
export const KNOWN_DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
/** The browsers kept per person; past this the least recently used is forgotten. */
const DEVICES_PER_PERSON = 20;
const PREFIX = "btd";

/** The key a known browser's failed sign-ins are counted under (an e-mail's are under the e-mail). */
export const deviceThrottleKey = (deviceId: string) => `device ${deviceId}`;

/**
 * The known browser of the account `email` whose device cookie holds `secret`: its id, or null
 * when the cookie is missing, malformed, forgotten or another account's.
 */
export async function knownDeviceOf(db: Db, email: string, secret: string | undefined, now = Date.now()): Promise<string | null> {
  if (!secret || !isSecretShaped(secret, PREFIX)) return null;
  const row = await firstRow(
    db
      .select({ id: knownDevices.id })
      .from(knownDevices)
      .innerJoin(people, eq(knownDevices.personId, people.id))
      .where(and(eq(knownDevices.id, sha256(secret)), eq(people.email, email), gt(knownDevices.lastUsedAt, now - KNOWN_DEVICE_LIFETIME_MS))),
  );
  return row?.id ?? null;
}

/**
 * After a right password, in the transaction that opens the session: the browser's cookie secret
 * — the one it brought when it is this person's known browser (its use recorded), else a new one.
 */
export async function rememberDevice(tx: Tx, person: Person, secret: string | undefined, knownId: string | null, now = Date.now()): Promise<string> {
  if (knownId && secret) {
    await tx.update(knownDevices).set({ lastUsedAt: now }).where(eq(knownDevices.id, knownId));
    return secret;
  }
  const fresh = newSecret(PREFIX);
  await tx.insert(knownDevices).values({ id: sha256(fresh), personId: person.id, createdAt: now, lastUsedAt: now });
  const unused = await tx.select({ id: knownDevices.id }).from(knownDevices).where(and(eq(knownDevices.personId, person.id), lt(knownDevices.lastUsedAt, now - KNOWN_DEVICE_LIFETIME_MS)));
  const byUse = await tx.select({ id: knownDevices.id }).from(knownDevices).where(eq(knownDevices.personId, person.id)).orderBy(desc(knownDevices.lastUsedAt));
  await forget(tx, [...unused.map((d) => d.id), ...byUse.slice(DEVICES_PER_PERSON).map((d) => d.id)]);
  return fresh;
}

/**
 * Forgets a person's known browsers — but the one whose cookie holds `keep`, if given: after their
 * password was reset or changed, or their account disabled, whoever used the old password from a
 * browser keeps no count of their own for it.
 */
export async function forgetDevices(tx: Tx, person: Person, keep?: string): Promise<void> {
  const kept = keep && isSecretShaped(keep, PREFIX) ? sha256(keep) : "";
  const devices = await tx.select({ id: knownDevices.id }).from(knownDevices).where(and(eq(knownDevices.personId, person.id), ne(knownDevices.id, kept)));
  await forget(tx, devices.map((d) => d.id));
}

/** Deletes browsers and the failed sign-ins counted under them. */
async function forget(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(knownDevices).where(inArray(knownDevices.id, ids));
  await tx.delete(signInFailures).where(inArray(signInFailures.email, ids.map(deviceThrottleKey)));
}
