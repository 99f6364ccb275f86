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

/** A browser known for one account: the sha256 of its cookie's secret, and whose it is. */
export interface KnownDevice {
  id: string;
  personId: number;
}

/** The key a known browser's failed sign-ins for its account are counted under (a stranger's: the e-mail). */
export const deviceThrottleKey = (device: KnownDevice) => `device ${device.personId} ${device.id}`;

/**
 * The browser whose device cookie holds `secret`, if it is known for the account `email`; null
 * when the cookie is missing, malformed, forgotten or only another account's.
 */
export async function knownDeviceOf(db: Db, email: string, secret: string | undefined, now = Date.now()): Promise<KnownDevice | null> {
  if (!secret || !isSecretShaped(secret, PREFIX)) return null;
  const row = await firstRow(
    db
      .select({ id: knownDevices.id, personId: knownDevices.personId })
      .from(knownDevices)
      .innerJoin(people, eq(knownDevices.personId, people.id))
      .where(and(eq(knownDevices.id, sha256(secret)), eq(people.email, email), gt(knownDevices.lastUsedAt, now - KNOWN_DEVICE_LIFETIME_MS))),
  );
  return row ?? null;
}

/**
 * After a right password, in the transaction that opens the session: the browser's cookie secret
 * to keep. A browser already known for this person has its use recorded. One that brought a cookie
 * of another account (a shared browser) becomes known for this one too under the same cookie, so
 * it stays known for both; any other gets a new secret.
 */
export async function rememberDevice(tx: Tx, person: Person, secret: string | undefined, known: KnownDevice | null, now = Date.now()): Promise<string> {
  if (known && secret) {
    await tx.update(knownDevices).set({ lastUsedAt: now }).where(and(eq(knownDevices.id, known.id), eq(knownDevices.personId, person.id)));
    return secret;
  }
  const kept = secret && isSecretShaped(secret, PREFIX) ? secret : newSecret(PREFIX);
  // A row of this browser for this person can only be one forgotten for age: it goes first.
  const unused = await tx
    .select({ id: knownDevices.id })
    .from(knownDevices)
    .where(and(eq(knownDevices.personId, person.id), lt(knownDevices.lastUsedAt, now - KNOWN_DEVICE_LIFETIME_MS)));
  await forget(tx, person, unused.map((d) => d.id));
  await tx
    .insert(knownDevices)
    .values({ id: sha256(kept), personId: person.id, createdAt: now, lastUsedAt: now })
    .onConflictDoUpdate({ target: [knownDevices.id, knownDevices.personId], set: { lastUsedAt: now } });
  const byUse = await tx.select({ id: knownDevices.id }).from(knownDevices).where(eq(knownDevices.personId, person.id)).orderBy(desc(knownDevices.lastUsedAt));
  await forget(tx, person, byUse.slice(DEVICES_PER_PERSON).map((d) => d.id));
  return kept;
}

/**
 * Forgets a person's known browsers — but the one whose cookie holds `keep`, if given: after their
 * password was reset or changed, or their account disabled, whoever used the old password from a
 * browser keeps no count of their own for it.
 */
export async function forgetDevices(tx: Tx, person: Person, keep?: string): Promise<void> {
  const kept = keep && isSecretShaped(keep, PREFIX) ? sha256(keep) : "";
  const devices = await tx.select({ id: knownDevices.id }).from(knownDevices).where(and(eq(knownDevices.personId, person.id), ne(knownDevices.id, kept)));
  await forget(tx, person, devices.map((d) => d.id));
}

/** Deletes a person's browsers and the failed sign-ins counted under them. */
async function forget(tx: Tx, person: Person, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(knownDevices).where(and(eq(knownDevices.personId, person.id), inArray(knownDevices.id, ids)));
  await tx.delete(signInFailures).where(inArray(signInFailures.email, ids.map((id) => deviceThrottleKey({ id, personId: person.id }))));
}
