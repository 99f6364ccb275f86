import { asc, count, eq } from "drizzle-orm";
import type { Db } from "../index";
import { apiTokens, people } from "../schema";
import { liveToken } from "./api-tokens";
import { hasIdentity } from "./can-sign-in";

/** Every account as an administrator sees it: who, role, last sign-in, how they sign in, live API tokens (neither revoked nor expired at `now`) and state. */
export async function listPeople(db: Db, now = Date.now()) {
  const tokens = db
    .select({ personId: apiTokens.personId, n: count().as("n") })
    .from(apiTokens)
    .where(liveToken(now))
    .groupBy(apiTokens.personId)
    .as("tokens");
  return (await db
    .select({
      email: people.email,
      name: people.name,
      team: people.team,
      role: people.role,
      passwordHash: people.passwordHash,
      mustChangePassword: people.mustChangePassword,
      disabledAt: people.disabledAt,
      lastSignInAt: people.lastSignInAt,
      activeTokens: tokens.n,
      hasIdentity: hasIdentity().mapWith(Boolean),
    })
    .from(people)
    .leftJoin(tokens, eq(tokens.personId, people.id))
    .orderBy(asc(people.name), asc(people.email)))
    .map(({ passwordHash, activeTokens, ...p }) => ({ ...p, hasPassword: passwordHash !== null, activeTokens: activeTokens ?? 0 }));
}
export type PersonRow = Awaited<ReturnType<typeof listPeople>>[number];
