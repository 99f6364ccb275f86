import { describe, expect, it } from "vitest";
import { createToken, listTokens, revokeToken, tokenPerson } from "@/db/accounts/api-tokens";
import { listPeople } from "@/db/accounts/list-people";
import { addUser, listUsers, setPassword, setRole } from "@/db/accounts/manage-users";
import { endSession, sessionPerson, signIn } from "@/db/accounts/sessions";
import { openDatabase } from "@/db/index";
import { verifyLog } from "@/db/verify-log";
import { SESSION_TTL_MS } from "@/lib/auth/sign-in-throttle";
import { type AppError } from "@/lib/errors";
import { refusal, rejection } from "../support/refusal";

const PASSWORD = "correct horse battery";

async function setup() {
  const db = await openDatabase(":memory:");
  const person = await addUser(db, { email: "Ann@Example.com", name: "Ann", role: "reviewer", password: PASSWORD }, "cli");
  return { db, person };
}

describe("accounts", () => {
  it("stores an scrypt hash, never the password, and logs the creation without it", async () => {
    const { db, person } = await setup();
    expect(person.email).toBe("ann@example.com");
    expect(person.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const dump = db.$client.prepare("SELECT * FROM people").all().map((r) => JSON.stringify(r)).join("");
    const log = db.$client.prepare("SELECT payload FROM audit_log").all().map((r) => JSON.stringify(r)).join("");
    expect(dump).not.toContain(PASSWORD);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(person.passwordHash!);
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("refuses a duplicate e-mail, an unknown role and a short password with field errors", async () => {
    const { db } = await setup();
    await expect(addUser(db, { email: "ann@example.com", name: "Ann", role: "viewer" }, null)).rejects.toThrow(/already exists/);
    const bad = await refusal(async () => await addUser(db, { email: "x@example.com", name: "X", role: "boss" as never, password: "short" }, null));
    expect(bad.errors.map((e) => e.path).sort()).toEqual(["password", "role"]);
  });

  it("changes role and password, and lists who can sign in", async () => {
    const { db } = await setup();
    await setRole(db, "ann@example.com", "admin", "cli");
    await setPassword(db, "ann@example.com", "another long password", "cli");
    expect(await listUsers(db)).toEqual([{ email: "ann@example.com", name: "Ann", team: "", role: "admin", canSignIn: true }]);
    await expect(signIn(db, "ann@example.com", "another long password")).resolves.toMatchObject({ person: { role: "admin" } });
  });
});

describe("sign-in and sessions", () => {
  it("opens a session that expires", async () => {
    const { db } = await setup();
    const now = Date.UTC(2026, 0, 1);
    const { token } = await signIn(db, "ann@example.com", PASSWORD, now);
    expect((await sessionPerson(db, token, now + 1000))?.email).toBe("ann@example.com");
    expect(await sessionPerson(db, token, now + SESSION_TTL_MS + 1)).toBeNull();
    expect(db.$client.prepare("SELECT id FROM sessions").all()).not.toContainEqual({ id: token });
  });

  it("ends a session at once on sign-out", async () => {
    const { db } = await setup();
    const { token } = await signIn(db, "ann@example.com", PASSWORD);
    await endSession(db, token);
    expect(await sessionPerson(db, token)).toBeNull();
  });

  it("slows down repeated failures for one account, and a success resets the count", async () => {
    const { db } = await setup();
    const t0 = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 3; i++) expect((await rejection(signIn(db, "ann@example.com", "wrong", t0))).code).toBe("unauthenticated");
    const limited = await rejection(signIn(db, "ann@example.com", PASSWORD, t0 + 500));
    expect(limited.code).toBe("rate_limited");
    expect(limited.status).toBe(429);
    await expect(signIn(db, "ann@example.com", PASSWORD, t0 + 2500)).resolves.toBeTruthy();
    expect(db.$client.prepare("SELECT * FROM sign_in_failures").all()).toEqual([]);
  });

  it("racing sign-ins: parallel attempts are counted before the password is checked, so no more are checked than allowed", async () => {
    const { db } = await setup();
    const t0 = Date.UTC(2026, 0, 1);
    // Thirty at once, one of them right: the three free attempts are checked, the rest wait.
    const attempts = await Promise.allSettled(Array.from({ length: 30 }, async (_v, i) => await signIn(db, "ann@example.com", i === 20 ? PASSWORD : `wrong ${i}`, t0)));
    const codes = attempts.map((a) => (a.status === "rejected" ? (a.reason as AppError).code : "signed-in"));
    expect(codes.filter((c) => c !== "rate_limited")).toEqual(["unauthenticated", "unauthenticated", "unauthenticated"]);
    expect(db.$client.prepare("SELECT failures FROM sign_in_failures").get()).toEqual({ failures: 3 });
    // After the wait, twenty at once: one is checked.
    const later = await Promise.allSettled(Array.from({ length: 20 }, async () => await signIn(db, "ann@example.com", "still wrong", t0 + 2500)));
    expect(later.filter((a) => a.status === "rejected" && (a.reason as AppError).code === "unauthenticated")).toHaveLength(1);
    expect(db.$client.prepare("SELECT failures FROM sign_in_failures").get()).toEqual({ failures: 4 });
  });

  it("says the same for an unknown account and a wrong password", async () => {
    const { db } = await setup();
    const unknown = await rejection(signIn(db, "nobody@example.com", PASSWORD));
    const wrong = await rejection(signIn(db, "ann@example.com", "wrong password"));
    expect(unknown.message).toBe(wrong.message);
  });
});

describe("API tokens", () => {
  it("stores only a hash, authenticates, notes last use, and stops at once when revoked", async () => {
    const { db, person } = await setup();
    const made = await createToken(db, person, "cron", "cli");
    expect(made.token).toMatch(/^bot_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(db.$client.prepare("SELECT * FROM api_tokens").all())).not.toContain(made.token);
    const now = Date.UTC(2026, 0, 1);
    expect((await tokenPerson(db, made.token, now))?.email).toBe("ann@example.com");
    expect((await listTokens(db, person.id))[0]).toMatchObject({ name: "cron", lastUsedAt: now, revokedAt: null });
    await revokeToken(db, made.id, null);
    expect(await tokenPerson(db, made.token)).toBeNull();
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("expires: opens the API until its moment, nothing from then on; 90 days unless told, never only when said", async () => {
    const { db, person } = await setup();
    const made = Date.UTC(2026, 0, 1);
    const day = 86_400_000;
    const month = await createToken(db, person, "month", null, 30, made);
    expect(month.expiresAt).toBe(made + 30 * day);
    expect((await tokenPerson(db, month.token, made + 30 * day - 1))?.email).toBe("ann@example.com");
    expect(await tokenPerson(db, month.token, made + 30 * day)).toBeNull();
    expect((await createToken(db, person, "default", null, undefined, made)).expiresAt).toBe(made + 90 * day);
    const forever = await createToken(db, person, "forever", null, "never", made);
    expect(forever.expiresAt).toBeNull();
    expect(await tokenPerson(db, forever.token, made + 20 * 365 * day)).not.toBeNull();
    await expect(createToken(db, person, "too long", null, 3651, made)).rejects.toThrow(/1 to 3650 whole days, or never/);
    // An administrator's count of live tokens leaves out the expired one.
    const liveAt = async (at: number) => (await listPeople(db, at)).find((p) => p.email === person.email)!.activeTokens;
    expect(await liveAt(made + 30 * day - 1)).toBe(3);
    expect(await liveAt(made + 30 * day)).toBe(2);
    expect((await listTokens(db, person.id)).map((t) => [t.name, t.expiresAt])).toEqual([
      ["forever", null],
      ["default", made + 90 * day],
      ["month", made + 30 * day],
    ]);
  });

  it("lets only the owner or an admin revoke a token", async () => {
    const { db, person } = await setup();
    const other = await addUser(db, { email: "bob@example.com", name: "Bob", role: "viewer" }, null);
    const made = await createToken(db, person, "mine", null);
    await expect(revokeToken(db, made.id, other)).rejects.toThrow(/no token/);
    expect(await tokenPerson(db, made.token)).not.toBeNull();
  });
});
