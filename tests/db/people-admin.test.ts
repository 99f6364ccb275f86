/**
 * Account administration (the people page and the CLI call these same functions): the last active
 * admin is kept, disabling stops sessions and tokens on the very next request, a reset forces a
 * new password, a person's own change, and every change a hash-chained log entry.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { disableAccount, enableAccount, resetPassword } from "@/db/accounts/account-access";
import { createToken, listTokens, revokeToken, tokenPerson } from "@/db/accounts/api-tokens";
import { changeOwnPassword } from "@/db/accounts/change-own-password";
import { listPeople } from "@/db/accounts/list-people";
import { addPerson, addUser, findPerson, setRole } from "@/db/accounts/manage-users";
import { sessionPerson, signIn } from "@/db/accounts/sessions";
import { openDatabase, type Db } from "@/db/index";
import { verifyLog } from "@/db/verify-log";
import { trackerInProcess } from "../support/cli-in-process";
import { refusal, rejection } from "../support/refusal";

const PASSWORD = "correct horse battery";
const ADMIN = "ada@example.com";
const ANN = "ann@example.com";

async function setup() {
  const db = await openDatabase(":memory:");
  await addUser(db, { email: ADMIN, name: "Ada", role: "admin", password: PASSWORD }, "cli");
  await addUser(db, { email: ANN, name: "Ann", role: "reviewer", password: PASSWORD }, "cli");
  return db;
}

const logRows = (db: Db) =>
  db.$client.prepare("SELECT seq, actor, action, entity, entity_id AS entityId, payload FROM audit_log ORDER BY seq").all() as {
    seq: number;
    actor: string | null;
    action: string;
    entity: string;
    entityId: string;
    payload: string;
  }[];
const logLength = (db: Db) => logRows(db).length;
const person = async (db: Db, email: string) => (await findPerson(db, email))!;

describe("the last active admin", () => {
  it("cannot be demoted or disabled, by themselves or anyone: a readable 422 and nothing written", async () => {
    const db = await setup();
    const before = logLength(db);
    const demote = await refusal(async () => await setRole(db, ADMIN, "viewer", ADMIN));
    expect(demote.status).toBe(422);
    expect(demote.message).toBe(
      `cannot make ${ADMIN} viewer: ${ADMIN} is the last active admin, and nobody could administer the tracker; make someone else admin first`,
    );
    expect((await refusal(async () => await disableAccount(db, ADMIN, ADMIN))).message).toMatch(/^cannot disable ada@example.com: .* is the last active admin/);
    expect(await person(db, ADMIN)).toMatchObject({ role: "admin", disabledAt: null });
    expect(logLength(db)).toBe(before);
  });

  it("may step down once another admin is active; a disabled admin does not count", async () => {
    const db = await setup();
    await setRole(db, ANN, "admin", ADMIN);
    await disableAccount(db, ANN, ADMIN);
    // Ann is an admin, but disabled: Ada is still the last active one.
    expect((await refusal(async () => await setRole(db, ADMIN, "reviewer", ADMIN))).code).toBe("rule");
    await enableAccount(db, ANN, ADMIN);
    expect((await setRole(db, ADMIN, "reviewer", ADMIN)).role).toBe("reviewer");
    // Now Ann is the last one.
    expect((await refusal(async () => await disableAccount(db, ANN, ANN))).code).toBe("rule");
    // Promoting, or setting the role a person already has, never trips the guard.
    expect((await setRole(db, ANN, "admin", ANN)).role).toBe("admin");
    expect((await verifyLog(db)).ok).toBe(true);
  });
});

describe("disabling an account", () => {
  it("stops its sessions and tokens on the very next request, and its sign-in, while history keeps its name", async () => {
    const db = await setup();
    const { token: session } = await signIn(db, ANN, PASSWORD);
    const token = (await createToken(db, await person(db, ANN), "cron", ANN)).token;
    expect((await sessionPerson(db, session))?.email).toBe(ANN);
    expect((await tokenPerson(db, token))?.email).toBe(ANN);

    const disabled = await disableAccount(db, ANN, ADMIN);
    expect(disabled.disabledAt).not.toBeNull();
    expect(await sessionPerson(db, session)).toBeNull();
    expect(await tokenPerson(db, token)).toBeNull();
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM sessions WHERE person_id = ?").get(disabled.id)).toEqual({ n: 0 });
    expect((await listTokens(db, disabled.id)).every((t) => t.revokedAt !== null)).toBe(true);
    // Told only with the right password; a wrong one reads as any wrong password.
    expect((await rejection(signIn(db, ANN, PASSWORD))).message).toBe("this account is disabled: ask an administrator to enable it");
    expect((await rejection(signIn(db, ANN, "a wrong password"))).code).toBe("unauthenticated");
    // No new token for a disabled account either (the CLI's token create).
    expect((await refusal(async () => await createToken(db, await person(db, ANN), "again", null))).code).toBe("conflict");
    // The account stays: who did what still names them.
    expect((await listPeople(db)).find((p) => p.email === ANN)).toMatchObject({ name: "Ann", activeTokens: 0 });
    expect((await refusal(async () => await disableAccount(db, ANN, ADMIN))).message).toBe(`${ANN} is already disabled`);
  });

  it("is checked on every request, not only by ending sessions and revoking tokens", async () => {
    const db = await setup();
    const { token: session } = await signIn(db, ANN, PASSWORD);
    const token = (await createToken(db, await person(db, ANN), "cron", ANN)).token;
    // Disabled behind the functions' back (another process, a restored backup): still refused.
    db.$client.prepare("UPDATE people SET disabled_at = ? WHERE email = ?").run(Date.now(), ANN);
    expect(await sessionPerson(db, session)).toBeNull();
    expect(await tokenPerson(db, token)).toBeNull();
  });

  it("re-enabling lets the person sign in with their password; old sessions and tokens stay dead", async () => {
    const db = await setup();
    const { token: session } = await signIn(db, ANN, PASSWORD);
    const token = (await createToken(db, await person(db, ANN), "cron", ANN)).token;
    await disableAccount(db, ANN, ADMIN);
    expect((await enableAccount(db, ANN, ADMIN)).disabledAt).toBeNull();
    expect(await sessionPerson(db, session)).toBeNull();
    expect(await tokenPerson(db, token)).toBeNull();
    const again = await signIn(db, ANN, PASSWORD);
    expect((await sessionPerson(db, again.token))?.email).toBe(ANN);
    expect((await refusal(async () => await enableAccount(db, ANN, ADMIN))).message).toBe(`${ANN} is not disabled`);
  });
});

describe("a password reset", () => {
  it("gives a one-time password, ends sessions, keeps tokens, and makes the person choose a new one", async () => {
    const db = await setup();
    const { token: oldSession } = await signIn(db, ANN, PASSWORD);
    const token = (await createToken(db, await person(db, ANN), "cron", ANN)).token;
    await createToken(db, await person(db, ANN), "expired", ANN, 1, Date.now() - 2 * 86_400_000);
    const { oneTimePassword, person: reset, liveTokens } = await resetPassword(db, ANN, ADMIN);
    expect(liveTokens).toBe(1); // said to the admin: the expired one opens nothing
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(reset.mustChangePassword).toBe(true);
    expect(await sessionPerson(db, oldSession)).toBeNull();
    expect((await tokenPerson(db, token))?.email).toBe(ANN);
    expect((await rejection(signIn(db, ANN, PASSWORD))).code).toBe("unauthenticated");
    const signedIn = await signIn(db, ANN, oneTimePassword);
    expect(signedIn.person.mustChangePassword).toBe(true);
    expect((await listPeople(db)).find((p) => p.email === ANN)?.lastSignInAt).toBeGreaterThan(0);
  });

  it("of one's own account is refused (it would sign the admin out mid-way): they change it on their account page", async () => {
    const db = await setup();
    const before = logLength(db);
    expect((await rejection(resetPassword(db, ADMIN, ADMIN))).message).toMatch(/cannot reset your own password here/);
    expect((await rejection(resetPassword(db, "nobody@example.com", ADMIN))).code).toBe("not_found");
    expect(logLength(db)).toBe(before);
  });
});

describe("a person's own password", () => {
  it("after a one-time password: not the same one again, both fields alike, the usual rule; then the flag clears and other sessions end", async () => {
    const db = await setup();
    const { oneTimePassword } = await resetPassword(db, ANN, ADMIN);
    const first = await signIn(db, ANN, oneTimePassword);
    const second = await signIn(db, ANN, oneTimePassword);
    const me = await person(db, ANN);
    const paths = async (input: Parameters<typeof changeOwnPassword>[2]) => (await rejection(changeOwnPassword(db, me, input, first.token))).errors.map((e) => `${e.path}: ${e.message}`);
    expect(await paths({ password: oneTimePassword, confirm: oneTimePassword })).toEqual(["password: must differ from the one-time password you were given"]);
    expect(await paths({ password: "a brand new secret", confirm: "a brand new secreT" })).toEqual(["confirm: does not match the new password"]);
    expect(await paths({ password: "short", confirm: "short" })).toEqual(["password: must be at least 10 characters"]);
    expect((await person(db, ANN)).mustChangePassword).toBe(true);

    await changeOwnPassword(db, me, { password: "a brand new secret", confirm: "a brand new secret" }, first.token);
    expect((await person(db, ANN)).mustChangePassword).toBe(false);
    expect((await sessionPerson(db, first.token))?.email).toBe(ANN);
    expect(await sessionPerson(db, second.token)).toBeNull();
    await expect(signIn(db, ANN, "a brand new secret")).resolves.toBeTruthy();
  });

  it("otherwise needs the current password, checked like a sign-in", async () => {
    const db = await setup();
    const me = await person(db, ANN);
    const wrong = await rejection(changeOwnPassword(db, me, { current: "not my password", password: "a brand new secret", confirm: "a brand new secret" }));
    expect(wrong.errors).toEqual([{ path: "current", message: "is not your current password" }]);
    expect((await rejection(changeOwnPassword(db, me, { password: "a brand new secret", confirm: "a brand new secret" }))).errors[0]?.path).toBe("current");
    expect(await changeOwnPassword(db, me, { current: PASSWORD, password: "a brand new secret", confirm: "a brand new secret" })).toEqual({ liveTokens: 0 });
    await expect(signIn(db, ANN, "a brand new secret")).resolves.toBeTruthy();
  });

  it("leaves the person's API tokens working, and says how many", async () => {
    const db = await setup();
    const me = await person(db, ANN);
    const kept = (await createToken(db, me, "cron", ANN)).token;
    await createToken(db, me, "deploy", ANN);
    const revoked = await createToken(db, me, "old", ANN);
    await revokeToken(db, revoked.id, me);
    expect(await changeOwnPassword(db, me, { current: PASSWORD, password: "a brand new secret", confirm: "a brand new secret" })).toEqual({ liveTokens: 2 });
    expect((await tokenPerson(db, kept))?.email).toBe(ANN);
  });
});

describe("adding a person", () => {
  it("with a one-time password they must replace; a duplicate e-mail is a conflict and writes nothing", async () => {
    const db = await setup();
    const { person: added, oneTimePassword } = await addPerson(db, { email: "Bo@Example.com", name: " Bo ", role: "contributor" }, ADMIN, { oneTimePassword: true });
    expect(added).toMatchObject({ email: "bo@example.com", name: "Bo", mustChangePassword: true });
    expect((await signIn(db, "bo@example.com", oneTimePassword!)).person.mustChangePassword).toBe(true);
    const before = logLength(db);
    const duplicate = await rejection(addPerson(db, { email: "BO@example.com", name: "Other Bo", role: "viewer" }, ADMIN, { oneTimePassword: true }));
    expect([duplicate.status, duplicate.message]).toEqual([409, "an account with e-mail bo@example.com already exists"]);
    const bad = await rejection(addPerson(db, { email: "not an e-mail", name: "", role: "boss" as never }, ADMIN, { oneTimePassword: true }));
    expect(bad.errors.map((e) => e.path).sort()).toEqual(["email", "name", "role"]);
    expect(logLength(db)).toBe(before);
  });
});

describe("the log of account administration", () => {
  it("has one entry per change, by whom, never a password or its hash, and the chain stays intact", async () => {
    const db = await setup();
    const before = logLength(db);
    const added = await addPerson(db, { email: "cy@example.com", name: "Cy", role: "viewer" }, ADMIN, { oneTimePassword: true });
    await setRole(db, "cy@example.com", "contributor", ADMIN);
    const reset = await resetPassword(db, "cy@example.com", ADMIN);
    await createToken(db, await person(db, "cy@example.com"), "cron", "cy@example.com");
    await disableAccount(db, "cy@example.com", ADMIN);
    await enableAccount(db, "cy@example.com", ADMIN);
    await changeOwnPassword(db, await person(db, "cy@example.com"), { password: "cy's own password", confirm: "cy's own password" });

    const rows = logRows(db).slice(before);
    expect(rows.map((r) => [r.actor, r.action, r.entity])).toEqual([
      [ADMIN, "create", "person"],
      [ADMIN, "set-role", "person"],
      [ADMIN, "reset-password", "person"],
      ["cy@example.com", "create", "api-token"],
      [ADMIN, "disable", "person"],
      [ADMIN, "revoke", "api-token"],
      [ADMIN, "enable", "person"],
      ["cy@example.com", "set-password", "person"],
    ]);
    expect(rows.filter((r) => r.entity === "person").every((r) => r.entityId === "cy@example.com")).toBe(true);
    expect(JSON.parse(rows[4]!.payload)).toMatchObject({ sessionsEnded: 0, tokensRevoked: [expect.any(Number)] });
    const text = JSON.stringify(logRows(db));
    for (const secret of [added.oneTimePassword!, reset.oneTimePassword, "cy's own password", (await person(db, "cy@example.com")).passwordHash!])
      expect(text).not.toContain(secret);
    expect(await verifyLog(db)).toMatchObject({ ok: true });
  });
});

describe("the CLI", () => {
  it("uses the same functions: disable, enable, reset-password, list, and the last-admin guard", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "people-cli-")), "t.db");
    const cli = async (...args: string[]) => await trackerInProcess(file, args, { TRACKER_SEED: "none", TRACKER_ADMIN_EMAIL: ADMIN });
    expect((await cli("user", "add", "--email", ANN, "--name", "Ann", "--role", "viewer", "--one-time-password")).stdout).toMatch(
      /^added ann@example.com \(viewer\); one-time password, shown once .*\n[A-Za-z0-9]{20}\n$/,
    );
    const demote = await cli("user", "set-role", "--email", ADMIN, "--role", "viewer");
    expect([demote.code, demote.stderr]).toEqual([1, expect.stringMatching(/^error: cannot make ada@example.com viewer: .* last active admin/)]);
    expect((await cli("user", "disable", "--email", ANN)).stdout).toBe(`${ANN} disabled: sessions ended, API tokens revoked\n`);
    expect((await cli("user", "list")).stdout).toMatch(/ann@example.com\tviewer\tAnn\t\tdisabled\tlast sign-in never\t0 active tokens/);
    expect((await cli("token", "create", "--email", ANN)).stderr).toMatch(/is disabled/);
    expect((await cli("user", "enable", "--email", ANN)).code).toBe(0);
    expect((await cli("token", "create", "--email", ANN, "--name", "cron")).code).toBe(0);
    const reset = await cli("user", "reset-password", "--email", ANN);
    expect(reset.stdout).toMatch(/^ann@example.com: sessions ended, 1 active token kept \(user disable revokes them\); one-time password, shown once/);
    const oneTime = reset.stdout.trim().split("\n").at(-1)!;
    const db = await openDatabase(file);
    expect((await signIn(db, ANN, oneTime)).person.mustChangePassword).toBe(true);
    expect(logRows(db).filter((r) => r.entity === "person").map((r) => [r.actor, r.action])).toEqual([
      [null, "create"],
      ["cli", "create"],
      ["cli", "disable"],
      ["cli", "enable"],
      ["cli", "reset-password"],
    ]);
    expect((await verifyLog(db)).ok).toBe(true);
    db.$client.close();
  });
});
