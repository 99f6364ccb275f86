import { describe, expect, it } from "vitest";
import { disableAccount, resetPassword } from "@/db/accounts/account-access";
import { addUser, findPerson } from "@/db/accounts/manage-users";
import { endSession, sessionPerson, signIn } from "@/db/accounts/sessions";
import { SsoRefusal, ssoSignIn, type SsoClaims } from "@/db/accounts/sso-sign-in";
import { openDatabase } from "@/db/index";
import { verifyLog } from "@/db/verify-log";
import type { OidcConfig } from "@/lib/auth/oidc-config";
import { parseSignInConfig } from "@/lib/auth/oidc-config";

const ISSUER = "https://idp.example.org";
const config: OidcConfig = parseSignInConfig({
  OIDC_ISSUER: ISSUER,
  OIDC_CLIENT_ID: "tracker",
  OIDC_CLIENT_SECRET: "secret",
  OIDC_ALLOWED_DOMAINS: "example.org",
  OIDC_ROLE_CLAIM: "groups",
  OIDC_ROLE_MAP: "admins=admin,reviewers=reviewer",
  OIDC_PROVIDER_NAME: "Example ID",
}).oidc!;

const claims = (over: Partial<SsoClaims> = {}): SsoClaims => ({ sub: "sub-ada", email: "Ada@Example.org", email_verified: true, name: "Ada Lovelace", ...over });

async function setup() {
  const db = await openDatabase(":memory:");
  await addUser(db, { email: "root@example.org", name: "Root", role: "admin", password: "correct horse battery" }, "cli");
  return db;
}

function log(db: Awaited<ReturnType<typeof setup>>) {
  return db.$client
    .prepare("SELECT actor, action, entity, entity_id AS entityId, payload FROM audit_log WHERE entity = 'person' ORDER BY seq")
    .all() as { actor: string; action: string; entityId: string; payload: string }[];
}

async function refusalOf(f: () => unknown): Promise<SsoRefusal> {
  try {
    await f();
  } catch (e) {
    if (e instanceof SsoRefusal) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("single sign-on, in the database", () => {
  it("creates an account from the claims at the first sign-in, links the identity, opens a session, logs it all", async () => {
    const db = await setup();
    const session = await ssoSignIn(db, config, claims({ groups: ["admins", "staff"] }), 1_000);
    expect(session.person).toMatchObject({ email: "ada@example.org", name: "Ada Lovelace", role: "admin", passwordHash: null });
    expect((await findPerson(db, "ada@example.org"))!.lastSignInAt).toBe(1_000);
    expect((await sessionPerson(db, session.token, 2_000))?.email).toBe("ada@example.org");
    const entries = log(db).filter((e) => e.entityId === "ada@example.org");
    expect(entries.map((e) => [e.actor, e.action])).toEqual([
      ["sso", "create"],
      ["sso", "add"],
      ["ada@example.org", "sign-in"],
    ]);
    expect(JSON.parse(entries[0]!.payload)).toMatchObject({ role: "admin", hasPassword: false, signIn: "sso" });
    expect(JSON.parse(entries[2]!.payload)).toEqual({ method: "sso", issuer: ISSUER });
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("keeps the ID token with the session and gives it back once, when the session ends (the provider's sign-out hint)", async () => {
    const db = await setup();
    const sso = await ssoSignIn(db, config, claims(), Date.now(), "header.payload.signature");
    expect(await endSession(db, sso.token)).toBe("header.payload.signature");
    expect(await sessionPerson(db, sso.token)).toBeNull();
    expect(await endSession(db, sso.token)).toBeNull(); // gone with the session
    expect(await endSession(db, (await ssoSignIn(db, config, claims())).token)).toBeNull(); // none given
    expect(await endSession(db, undefined)).toBeNull();
  });

  it("gives the default role to a person in no mapped group, and a name from the e-mail when none is given", async () => {
    const db = await setup();
    const s = await ssoSignIn(db, config, claims({ sub: "sub-bob", email: "bob@example.org", name: undefined, groups: ["staff"] }));
    expect(s.person).toMatchObject({ role: "viewer", name: "bob" });
  });

  it("derives the role again at every sign-in: a removed group demotes at once, and the change is logged", async () => {
    const db = await setup();
    await ssoSignIn(db, config, claims({ groups: ["admins"] }));
    const again = await ssoSignIn(db, config, claims({ groups: ["reviewers"] }));
    expect(again.person.role).toBe("reviewer");
    const third = await ssoSignIn(db, config, claims({ groups: [] }));
    expect(third.person.role).toBe("viewer");
    const roles = log(db).filter((e) => e.action === "set-role");
    expect(roles.map((e) => [e.actor, JSON.parse(e.payload)])).toEqual([
      ["sso", { from: "admin", to: "reviewer", claim: "groups" }],
      ["sso", { from: "reviewer", to: "viewer", claim: "groups" }],
    ]);
    // One account, one identity, whatever the number of sign-ins.
    expect(db.$client.prepare("SELECT count(*) AS n FROM person_identities").get()).toEqual({ n: 1 });
    expect(log(db).filter((e) => e.action === "sign-in")).toHaveLength(3);
  });

  it("keeps the role an administrator gave when no role claim is configured", async () => {
    const db = await setup();
    const plain = { ...config, roleClaim: null, roleMap: {} };
    await ssoSignIn(db, plain, claims({ groups: ["admins"] }));
    expect((await findPerson(db, "ada@example.org"))!.role).toBe("viewer");
  });

  it("links an existing local account by its verified e-mail: it then signs in both ways", async () => {
    const db = await setup();
    await addUser(db, { email: "ada@example.org", name: "Ada L.", role: "contributor", password: "correct horse battery" }, "cli");
    const s = await ssoSignIn(db, { ...config, roleClaim: null }, claims());
    expect(s.person).toMatchObject({ name: "Ada L.", role: "contributor" });
    expect(s.person.passwordHash).not.toBeNull();
    expect(log(db).filter((e) => e.entityId === "ada@example.org").map((e) => e.action)).toEqual(["create", "add", "sign-in"]);
  });

  it("voids a one-time password at the sign-in through the provider: nothing left to choose, no password anyone else knows", async () => {
    const db = await setup();
    await addUser(db, { email: "ada@example.org", name: "Ada L.", role: "contributor", password: "correct horse battery" }, "cli");
    const { oneTimePassword } = await resetPassword(db, "ada@example.org", "root@example.org");
    expect(await findPerson(db, "ada@example.org")).toMatchObject({ mustChangePassword: true });
    const s = await ssoSignIn(db, { ...config, roleClaim: null }, claims());
    expect(s.person).toMatchObject({ mustChangePassword: false, passwordHash: null });
    expect(await findPerson(db, "ada@example.org")).toMatchObject({ mustChangePassword: false, passwordHash: null });
    await expect(signIn(db, "ada@example.org", oneTimePassword)).rejects.toThrow();
    const entries = log(db).filter((e) => e.entityId === "ada@example.org");
    expect(entries.map((e) => `${e.actor} ${e.action}`)).toEqual(["cli create", "root@example.org reset-password", "sso add", "sso reset-password", "ada@example.org sign-in"]);
    expect(JSON.parse(entries[3]!.payload)).toEqual({ oneTimePassword: "void", because: "signed in with single sign-on" });
    // An account with a password of its own keeps it.
    await addUser(db, { email: "bea@example.org", name: "Bea", role: "viewer", password: "correct horse battery" }, "cli");
    expect((await ssoSignIn(db, { ...config, roleClaim: null }, claims({ sub: "sub-bea", email: "bea@example.org" }))).person.passwordHash).not.toBeNull();
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("refuses an unverified e-mail, another domain and a missing e-mail, and writes nothing", async () => {
    const db = await setup();
    const before = log(db).length;
    expect((await refusalOf(async () => await ssoSignIn(db, config, claims({ email_verified: false })))).reason).toBe("email_unverified");
    expect((await refusalOf(async () => await ssoSignIn(db, config, claims({ email_verified: "true" })))).reason).toBe("email_unverified");
    expect((await refusalOf(async () => await ssoSignIn(db, config, claims({ email: "eve@evil.example" })))).reason).toBe("domain");
    expect((await refusalOf(async () => await ssoSignIn(db, config, claims({ email: "eve@sub.example.org" })))).reason).toBe("domain");
    expect((await refusalOf(async () => await ssoSignIn(db, config, claims({ email: undefined })))).reason).toBe("no_email");
    expect(log(db)).toHaveLength(before);
    expect(await findPerson(db, "ada@example.org")).toBeUndefined();
    // With OIDC_EMAIL_VERIFIED_CLAIM=xms_edov (Entra), only that claim vouches: email_verified alone does not.
    const entra = { ...config, emailVerifiedClaim: "xms_edov" };
    expect((await refusalOf(async () => await ssoSignIn(db, entra, claims({ email_verified: true })))).reason).toBe("email_unverified");
    expect((await refusalOf(async () => await ssoSignIn(db, entra, claims({ email_verified: undefined, xms_edov: "true" })))).reason).toBe("email_unverified");
    expect((await ssoSignIn(db, entra, claims({ email_verified: undefined, xms_edov: true }))).person.email).toBe("ada@example.org");
  });

  it("keeps a disabled account disabled, linked or not, and changes nothing", async () => {
    const db = await setup();
    await ssoSignIn(db, config, claims({ groups: ["reviewers"] }));
    await disableAccount(db, "ada@example.org", "root@example.org");
    const before = log(db).length;
    expect((await refusalOf(async () => await ssoSignIn(db, config, claims({ groups: ["admins"] })))).reason).toBe("disabled");
    expect((await findPerson(db, "ada@example.org"))!.role).toBe("reviewer");
    expect(log(db)).toHaveLength(before);

    await addUser(db, { email: "cy@example.org", name: "Cy", role: "viewer" }, "cli");
    await disableAccount(db, "cy@example.org", "root@example.org");
    expect((await refusalOf(async () => await ssoSignIn(db, config, claims({ sub: "sub-cy", email: "cy@example.org" })))).reason).toBe("disabled");
    expect(db.$client.prepare("SELECT count(*) AS n FROM person_identities").get()).toEqual({ n: 1 });
  });

  it("never demotes the last active admin: they sign in and keep the role", async () => {
    const db = await openDatabase(":memory:");
    await ssoSignIn(db, config, claims({ groups: ["admins"] }));
    const s = await ssoSignIn(db, config, claims({ groups: [] }));
    expect(s.person.role).toBe("admin");
  });
});

describe("how accounts sign in", () => {
  it("lists password, single sign-on or both, and counts an SSO-only account among those who can sign in", async () => {
    const { listPeople } = await import("@/db/accounts/list-people");
    const { accountState, signInMethod } = await import("@/lib/auth/account-state");
    const { canSignIn } = await import("@/db/accounts/can-sign-in");
    const { people } = await import("@/db/schema");
    const db = await setup();
    await addUser(db, { email: "both@example.org", name: "Both", role: "viewer", password: "correct horse battery" }, "cli");
    await addUser(db, { email: "none@example.org", name: "None", role: "viewer" }, "cli");
    await ssoSignIn(db, config, claims({ sub: "s1", email: "both@example.org" }));
    await ssoSignIn(db, config, claims({ sub: "s2", email: "sso@example.org" }));
    const rows = Object.fromEntries((await listPeople(db)).map((p) => [p.email, p]));
    expect(signInMethod(rows["root@example.org"]!)).toBe("password");
    expect(signInMethod(rows["both@example.org"]!)).toBe("both");
    expect(signInMethod(rows["sso@example.org"]!)).toBe("sso");
    expect(signInMethod(rows["none@example.org"]!)).toBe("none");
    expect(accountState(rows["sso@example.org"]!)).toBe("active");
    expect(accountState(rows["none@example.org"]!)).toBe("no_password");
    const can = (await db.select({ email: people.email }).from(people).where(canSignIn())).map((r) => r.email).sort();
    expect(can).toEqual(["both@example.org", "root@example.org", "sso@example.org"]);
  });
});
