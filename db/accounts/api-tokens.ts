import { transact } from "../transact";
import { firstRow } from "../first-row";
import { and, desc, eq, gt, isNull, or, type Placeholder, sql } from "drizzle-orm";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import { tokenExpiresAt } from "@/lib/auth/token-lifetime";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../index";
import { appendToLog } from "../append-log";
import { preparedOnce } from "../prepared-statement";
import { apiTokens, people, type Person } from "../schema";

/**
 * Makes a token for `person` that lives `days` (DEFAULT_TOKEN_DAYS unless given; "never" only when
 * said); the clear token is returned once and never stored.
 */
export async function createToken(db: Db, person: Person, name: string, actor: string | null, days?: number | "never", now = Date.now()) {
  if (person.disabledAt !== null) throw new AppError("conflict", `${person.email} is disabled: enable the account before making tokens for it`);
  const expiresAt = tokenExpiresAt(days, now);
  const token = newSecret("bot");
  const row = await transact(db, async (tx) => {
    const inserted = (await tx
      .insert(apiTokens)
      .values({ personId: person.id, name, tokenHash: sha256(token), prefix: token.slice(0, 10), createdAt: now, expiresAt })
      .returning())[0];
    await appendToLog(tx, {
      actor,
      action: "create",
      entity: "api-token",
      entityId: String(inserted.id),
      programSlug: null,
      payload: { owner: person.email, name, prefix: inserted.prefix, expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString() },
    });
    return inserted;
  });
  return { token, id: row.id, prefix: row.prefix, expiresAt };
}

export async function listTokens(db: Db, personId?: number) {
  const query = db
    .select({
      id: apiTokens.id,
      email: people.email,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .innerJoin(people, eq(apiTokens.personId, people.id));
  return await (personId === undefined ? query : query.where(eq(apiTokens.personId, personId))).orderBy(desc(apiTokens.id));
}

/** Revokes a token at once. Only its owner or an admin may. */
export async function revokeToken(db: Db, id: number, by: { email: string; id: number; role: Person["role"] } | null) {
  const token = await firstRow(db.select().from(apiTokens).where(eq(apiTokens.id, id)));
  if (!token || (by && by.role !== "admin" && token.personId !== by.id)) throw new AppError("not_found", `no token #${id}`);
  if (token.revokedAt !== null) return;
  await transact(db, async (tx) => {
    await tx.update(apiTokens).set({ revokedAt: Date.now() }).where(eq(apiTokens.id, id));
    await appendToLog(tx, {
      actor: by?.email ?? null,
      action: "revoke",
      entity: "api-token",
      entityId: String(id),
      programSlug: null,
      payload: { prefix: token.prefix },
    });
  });
}

/** The person behind a bearer token, or null when unknown, revoked, expired or its account disabled; notes the last use. */
export async function tokenPerson(db: Db, token: string, now = Date.now()): Promise<Person | null> {
  const row = await firstRow(tokenPersonStatement(db).execute({ hash: sha256(token), now }));
  if (!row) return null;
  // One write a minute at most: last-used is for people, not an access log.
  if (row.lastUsedAt === null || now - row.lastUsedAt > 60_000)
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return row.person;
}

const tokenPersonStatement = preparedOnce((db: Db) => tokenPersonQuery(db, sql.placeholder("hash"), sql.placeholder("now")).prepare());

/**
 * Runs on every API request: one unique-index lookup and one join by id (tests/db/query-plans.test.ts).
 * Disabling revokes the tokens; the account's state is checked too, so no path can skip it.
 */
export function tokenPersonQuery(db: Db, tokenHash: string | Placeholder, now: number | Placeholder) {
  return db
    .select({ person: people, id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(people, eq(apiTokens.personId, people.id))
    .where(and(eq(apiTokens.tokenHash, tokenHash), liveToken(now), isNull(people.disabledAt)));
}

/** How many of the person's tokens open the API at `now`: what a password change leaves working. */
export async function countLiveTokens(db: Db | Tx, personId: number, now = Date.now()): Promise<number> {
  const row = await firstRow(db.select({ n: sql<number>`count(*)` }).from(apiTokens).where(and(eq(apiTokens.personId, personId), liveToken(now))));
  return Number(row?.n ?? 0);
}

/** A token that opens the API at `now`: not revoked, not expired. */
export function liveToken(now: number | Placeholder) {
  return and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)));
}
