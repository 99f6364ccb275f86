import { transact } from "../transact";
import { firstRow } from "../first-row";
import { and, eq } from "drizzle-orm";
import { domainAllowed, mapRole, type OidcConfig } from "@/lib/auth/oidc-config";
import { AppError } from "@/lib/errors";
import type { Db, Tx } from "../index";
import { LogWriter } from "../append-log";
import { people, personIdentities, type Person } from "../schema";
import { refuseLeavingNoAdmin } from "./last-admin";
import { findPerson } from "./manage-users";
import { openSession, type OpenedSession } from "./sessions";

/** The actor of what the identity provider decides (an account created, a role re-derived). */
export const SSO_ACTOR = "sso";

/** The claims of a person the provider signed in, already checked by the client library (issuer, audience, expiry, nonce). */
export interface SsoClaims {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  [claim: string]: unknown;
}

/** Why single sign-on refused someone: each a sentence for the page that says so. */
export type SsoRefusalReason = "email_unverified" | "domain" | "disabled" | "no_email";

export class SsoRefusal extends AppError {
  constructor(
    readonly reason: SsoRefusalReason,
    message: string,
  ) {
    super("forbidden", message);
  }
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

function displayName(claims: SsoClaims, email: string): string {
  const full = str(claims.name) ?? ([str(claims.given_name), str(claims.family_name)].filter(Boolean).join(" ") || null);
  return (full ?? email.slice(0, email.lastIndexOf("@"))).slice(0, 200);
}

/**
 * Signs in a person the identity provider vouched for, in one transaction: the account linked to
 * the identity (issuer + subject), else the account with the verified e-mail (which gains the
 * identity), else a new account from the claims. The e-mail must be verified and of an allowed
 * domain; a disabled account stays disabled; with a role claim configured, the role is derived
 * again from it at every sign-in (a removed group demotes at once). The sign-in, a creation, a link
 * and a role change are entries of the hash-chained log. A one-time password the account had is void. `idToken` stays with the session (never
 * shown) as the hint of the provider's sign-out.
 */
export async function ssoSignIn(db: Db, config: OidcConfig, claims: SsoClaims, now = Date.now(), idToken: string | null = null): Promise<OpenedSession> {
  const email = str(claims.email)?.toLowerCase();
  if (!email || !email.includes("@") || email.length > 254)
    throw new SsoRefusal("no_email", `${config.providerName} did not give an e-mail address for this person, and the tracker names people by e-mail`);
  // Only a boolean true vouches: a string "true" or a missing claim does not (Entra sends `xms_edov`, not `email_verified`).
  if (claims[config.emailVerifiedClaim] !== true)
    throw new SsoRefusal("email_unverified", `${config.providerName} has not verified the e-mail address ${email}: verify it there, then sign in again`);
  if (!domainAllowed(email, config.allowedDomains))
    throw new SsoRefusal("domain", `${email} is not of a domain allowed to sign in here (${config.allowedDomains.join(", ")})`);
  const derivedRole = config.roleClaim ? mapRole(claims[config.roleClaim], config.roleMap, config.defaultRole) : null;

  return await transact(db, async (tx) => {
    const log = await LogWriter.open(tx);
    let person = await identityPerson(tx, config.issuer, claims.sub);
    if (!person) {
      person = await findPerson(tx, email) ?? await createPerson(tx, log, email, displayName(claims, email), derivedRole ?? config.defaultRole);
      if (person.disabledAt !== null) throw disabled();
      await tx.insert(personIdentities).values({ personId: person.id, issuer: config.issuer, subject: claims.sub, createdAt: now });
      await log.append({
        actor: SSO_ACTOR,
        action: "add",
        entity: "person",
        entityId: person.email,
        programSlug: null,
        payload: { identity: { issuer: config.issuer, subject: claims.sub } },
      });
    }
    if (person.disabledAt !== null) throw disabled();
    if (derivedRole && derivedRole !== person.role) person = await applyRole(tx, log, person, derivedRole, config.roleClaim!);
    if (person.mustChangePassword) person = await voidOneTimePassword(tx, log, person);
    await tx.update(personIdentities)
      .set({ lastSignInAt: now })
      .where(and(eq(personIdentities.issuer, config.issuer), eq(personIdentities.subject, claims.sub)));
    await log.append({
      actor: person.email,
      action: "sign-in",
      entity: "person",
      entityId: person.email,
      programSlug: null,
      payload: { method: "sso", issuer: config.issuer },
    });
    return await openSession(tx, person, now, idToken);
  });
}

function disabled(): SsoRefusal {
  return new SsoRefusal("disabled", "This account is disabled in the tracker: ask an administrator to enable it.");
}

async function identityPerson(tx: Tx, issuer: string, subject: string): Promise<Person | undefined> {
  return (await firstRow(tx
    .select({ person: people })
    .from(personIdentities)
    .innerJoin(people, eq(personIdentities.personId, people.id))
    .where(and(eq(personIdentities.issuer, issuer), eq(personIdentities.subject, subject)))
    ))?.person;
}

async function createPerson(tx: Tx, log: LogWriter, email: string, name: string, role: Person["role"]): Promise<Person> {
  const row = (await tx.insert(people).values({ email, name, role, passwordHash: null }).returning())[0];
  await log.append({
    actor: SSO_ACTOR,
    action: "create",
    entity: "person",
    entityId: email,
    programSlug: null,
    payload: { email, name, team: "", role, hasPassword: false, signIn: "sso" },
  });
  return row;
}

/**
 * A one-time password (an administrator's reset, or an account made with one) is void once its
 * holder signs in through the provider: they need no password to choose, and nobody else should
 * keep one that opens their account.
 */
async function voidOneTimePassword(tx: Tx, log: LogWriter, person: Person): Promise<Person> {
  const row = (await tx.update(people).set({ passwordHash: null, mustChangePassword: false, version: person.version + 1 }).where(eq(people.id, person.id)).returning())[0];
  await log.append({
    actor: SSO_ACTOR,
    action: "reset-password",
    entity: "person",
    entityId: person.email,
    programSlug: null,
    payload: { oneTimePassword: "void", because: "signed in with single sign-on" },
  });
  return row;
}

/**
 * The provider's word on the role. The last active admin is never demoted (nobody could
 * administer the tracker): they keep the role and sign in.
 */
async function applyRole(tx: Tx, log: LogWriter, person: Person, role: Person["role"], claim: string): Promise<Person> {
  if (role !== "admin") {
    try {
      await refuseLeavingNoAdmin(tx, person, `make ${person.email} ${role}`);
    } catch {
      return person;
    }
  }
  const row = (await tx.update(people).set({ role, version: person.version + 1 }).where(eq(people.id, person.id)).returning())[0];
  await log.append({
    actor: SSO_ACTOR,
    action: "set-role",
    entity: "person",
    entityId: person.email,
    programSlug: null,
    payload: { from: person.role, to: role, claim },
  });
  return row;
}
