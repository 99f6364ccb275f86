import { and, desc, eq, gt, inArray, lt } from "drizzle-orm";
import { isSecretShaped, newSecret, sha256 } from "@/lib/auth/secrets";
import { firstRow } from "../first-row";
import { transact } from "../transact";
import type { Db } from "../index";
import { knownDevices, people, type Person } from "../schema";

/** A browser not used to sign in for this long is forgotten. */
export const KNOWN_DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
/** The browsers kept per person; past this the least recently used is forgotten. */
const DEVICES_PER_PERSON = 20;
const PREFIX = "btd";

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
 * After a right password: the browser's cookie secret — the one it brought when it is this
 * person's known browser (its use recorded), else a new one.
 */
export async function rememberDevice(db: Db, person: Person, secret: string | undefined, knownId: string | null, now = Date.now()): Promise<string> {
  if (knownId && secret) {
    await db.update(knownDevices).set({ lastUsedAt: now }).where(eq(knownDevices.id, knownId));
    return secret;
  }
  const fresh = newSecret(PREFIX);
  await transact(db, async (tx) => {
    await tx.insert(knownDevices).values({ id: sha256(fresh), personId: person.id, createdAt: now, lastUsedAt: now });
    await tx.delete(knownDevices).where(and(eq(knownDevices.personId, person.id), lt(knownDevices.lastUsedAt, now - KNOWN_DEVICE_LIFETIME_MS)));
    const byUse = await tx.select({ id: knownDevices.id }).from(knownDevices).where(eq(knownDevices.personId, person.id)).orderBy(desc(knownDevices.lastUsedAt));
    const forgotten = byUse.slice(DEVICES_PER_PERSON).map((d) => d.id);
    if (forgotten.length > 0) await tx.delete(knownDevices).where(inArray(knownDevices.id, forgotten));
  });
  return fresh;
}
