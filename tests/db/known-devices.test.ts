/**
 * Guesses at an e-mail slow down strangers, not the account's owner in a browser they signed in
 * from before: a known browser's failed sign-ins are counted apart, by its device cookie.
 */
import { describe, expect, it } from "vitest";
import { KNOWN_DEVICE_LIFETIME_MS } from "@/db/accounts/known-devices";
import { disableAccount, enableAccount, resetPassword } from "@/db/accounts/account-access";
import { addUser, setPassword } from "@/db/accounts/manage-users";
import { changeOwnPassword } from "@/db/accounts/change-own-password";
import { signIn } from "@/db/accounts/sessions";
import { openDatabase, type Db } from "@/db/index";
import { rejection } from "../support/refusal";

const PASSWORD = "correct horse battery";
const T0 = Date.parse("2026-12-01T09:00:00Z");

async function setup() {
  const db = await openDatabase(":memory:");
  const ann = await addUser(db, { email: "ann@example.com", name: "Ann", role: "reviewer", password: PASSWORD }, "cli");
  await addUser(db, { email: "bo@example.com", name: "Bo", role: "viewer", password: PASSWORD }, "cli");
  // Ann signed in once from her laptop: it got a device cookie.
  const { device } = await signIn(db, "ann@example.com", PASSWORD, T0);
  return { db, ann, laptop: device };
}

/** Ten wrong passwords for an e-mail from a browser without a device cookie (the guesser's). */
async function guess(db: Db, email: string, at: number) {
  const codes: string[] = [];
  for (let i = 0; i < 10; i++) codes.push((await rejection(signIn(db, email, `guess ${i}`, at + i))).code);
  return codes;
}

describe("sign-in throttling with known browsers", () => {
  it("a stranger's guesses lock strangers out, while the owner signs in at once from her known browser", async () => {
    const { db, laptop } = await setup();
    const codes = await guess(db, "ann@example.com", T0 + 60_000);
    expect(codes.slice(0, 3)).toEqual(["unauthenticated", "unauthenticated", "unauthenticated"]);
    expect(codes.slice(3).every((c) => c === "rate_limited")).toBe(true);

    const back = await signIn(db, "ann@example.com", PASSWORD, T0 + 61_000, laptop);
    expect(back.person.email).toBe("ann@example.com");
    expect(back.device, "the known browser keeps its cookie").toBe(laptop);
    // Her sign-in clears only her browser's count: the stranger still waits.
    expect((await rejection(signIn(db, "ann@example.com", PASSWORD, T0 + 61_500))).code).toBe("rate_limited");
  });

  it("counts a known browser's own failures apart, and throttles them too", async () => {
    const { db, laptop } = await setup();
    for (let i = 0; i < 3; i++) expect((await rejection(signIn(db, "ann@example.com", "typo", T0 + 1000, laptop))).code).toBe("unauthenticated");
    expect((await rejection(signIn(db, "ann@example.com", PASSWORD, T0 + 1500, laptop))).code).toBe("rate_limited");
    // Another browser is not slowed by the laptop's typos.
    await expect(signIn(db, "ann@example.com", PASSWORD, T0 + 1500)).resolves.toMatchObject({ person: { email: "ann@example.com" } });
  });

  it("gives another account's device cookie, a made-up one and a forgotten one no exemption", async () => {
    const { db, laptop } = await setup();
    await guess(db, "bo@example.com", T0 + 60_000);
    expect((await rejection(signIn(db, "bo@example.com", PASSWORD, T0 + 61_000, laptop))).code, "Ann's laptop is not Bo's").toBe("rate_limited");
    expect((await rejection(signIn(db, "bo@example.com", PASSWORD, T0 + 61_000, "btd_" + "x".repeat(43)))).code).toBe("rate_limited");

    await guess(db, "ann@example.com", T0 + KNOWN_DEVICE_LIFETIME_MS + 60_000);
    expect((await rejection(signIn(db, "ann@example.com", PASSWORD, T0 + KNOWN_DEVICE_LIFETIME_MS + 61_000, laptop))).code, "unused for a year").toBe("rate_limited");
  });

  it("a browser that signs in without a known cookie gets a new one; a person keeps their 20 most recent", async () => {
    const { db, laptop } = await setup();
    const devices = [laptop];
    for (let i = 1; i <= 20; i++) devices.push((await signIn(db, "ann@example.com", PASSWORD, T0 + i * 1000)).device);
    expect(new Set(devices).size).toBe(21);
    expect(devices.every((d) => /^btd_[A-Za-z0-9_-]{43}$/.test(d))).toBe(true);
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM known_devices").get()).toEqual({ n: 20 });
    // The laptop, least recently used, was forgotten: a stranger's guesses hold it up now.
    await guess(db, "ann@example.com", T0 + 30_000);
    expect((await rejection(signIn(db, "ann@example.com", PASSWORD, T0 + 31_000, laptop))).code).toBe("rate_limited");
    // Only the cookie's hash is stored.
    const stored = db.$client.prepare("SELECT id FROM known_devices").all() as { id: string }[];
    expect(stored.some((row) => devices.includes(row.id))).toBe(false);
  });

  it("a browser shared by two accounts stays known for both, under one cookie", async () => {
    const { db, laptop } = await setup();
    const asBo = await signIn(db, "bo@example.com", PASSWORD, T0 + 1000, laptop);
    expect(asBo.device, "Bo signs in on Ann's laptop: the cookie stays").toBe(laptop);
    await guess(db, "ann@example.com", T0 + 60_000);
    await guess(db, "bo@example.com", T0 + 60_000);
    await expect(signIn(db, "ann@example.com", PASSWORD, T0 + 61_000, laptop)).resolves.toMatchObject({ device: laptop });
    await expect(signIn(db, "bo@example.com", PASSWORD, T0 + 61_000, laptop)).resolves.toMatchObject({ device: laptop });
    // A failure as one account is not counted against the other on the same browser.
    for (let i = 0; i < 3; i++) await rejection(signIn(db, "bo@example.com", "typo", T0 + 62_000, laptop));
    await expect(signIn(db, "ann@example.com", PASSWORD, T0 + 62_500, laptop)).resolves.toBeTruthy();
  });

  it("forgets an account's browsers when its password is reset or set, or it is disabled: whoever knew the old password keeps no count of their own", async () => {
    const devices = (db: Db) => (db.$client.prepare("SELECT COUNT(*) AS n FROM known_devices").get() as { n: number }).n;
    const deviceFailures = (db: Db) => (db.$client.prepare("SELECT COUNT(*) AS n FROM sign_in_failures WHERE email LIKE 'device %'").get() as { n: number }).n;
    for (const change of [
      (db: Db) => resetPassword(db, "ann@example.com", "cli"),
      (db: Db) => setPassword(db, "ann@example.com", "another long password", "cli"),
      async (db: Db) => {
        await disableAccount(db, "ann@example.com", "cli", T0 + 3000);
        await enableAccount(db, "ann@example.com", "cli");
      },
    ]) {
      const { db, laptop } = await setup();
      await rejection(signIn(db, "ann@example.com", "typo", T0 + 1000, laptop));
      expect([devices(db), deviceFailures(db)]).toEqual([1, 1]);
      await change(db);
      expect([devices(db), deviceFailures(db)]).toEqual([0, 0]);
      // The old laptop's cookie is now a stranger's: it waits with the e-mail's guessers.
      await guess(db, "ann@example.com", T0 + 60_000);
      expect((await rejection(signIn(db, "ann@example.com", "whatever", T0 + 61_000, laptop))).code).toBe("rate_limited");
    }
  });

  it("a password changed from a known browser keeps that browser and forgets the others", async () => {
    const { db, ann, laptop } = await setup();
    const { device: phone } = await signIn(db, "ann@example.com", PASSWORD, T0 + 1000);
    await changeOwnPassword(db, ann, { current: PASSWORD, password: "a brand new secret", confirm: "a brand new secret" }, undefined, laptop);
    // One clock reading for the guesses and the sign-ins a second after them: a slow machine's
    // password hashing must not carry the sign-ins past the guesses' 2 s wait.
    const now = Date.now();
    await guess(db, "ann@example.com", now);
    await expect(signIn(db, "ann@example.com", "a brand new secret", now + 1000, laptop)).resolves.toBeTruthy();
    expect((await rejection(signIn(db, "ann@example.com", "a brand new secret", now + 1000, phone))).code).toBe("rate_limited");
  });

  it("a person changing their password from their known browser is not held up by a stranger's guesses", async () => {
    const { db, ann, laptop } = await setup();
    await guess(db, "ann@example.com", Date.now());
    const fresh = { current: PASSWORD, password: "a brand new secret", confirm: "a brand new secret" };
    expect((await rejection(changeOwnPassword(db, ann, fresh))).code, "from a browser the account does not know").toBe("rate_limited");
    await changeOwnPassword(db, ann, fresh, undefined, laptop);
    await expect(signIn(db, "ann@example.com", "a brand new secret", Date.now() + 1000, laptop)).resolves.toBeTruthy();
  });
});
