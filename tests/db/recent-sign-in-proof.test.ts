/**
 * Making an API token from a session: free within RECENT_SIGN_IN_MINUTES of signing in, then only
 * with the password typed again (counted like a failed sign-in when wrong), or a new sign-in for a
 * person without a password or a server that takes none.
 */
import { describe, expect, it } from "vitest";
import { recentSignInProof } from "@/db/accounts/recent-sign-in-proof";
import { addUser } from "@/db/accounts/manage-users";
import { endSession, openSession, signIn } from "@/db/accounts/sessions";
import { openDatabase } from "@/db/index";
import { transact } from "@/db/transact";
import { RECENT_SIGN_IN_MINUTES } from "@/lib/auth/recent-sign-in";
import { rejection } from "../support/refusal";

const PASSWORD = "correct horse battery";
const T0 = Date.UTC(2026, 11, 1, 9);
const STALE = T0 + RECENT_SIGN_IN_MINUTES * 60_000;

async function signedIn() {
  const db = await openDatabase(":memory:");
  await addUser(db, { email: "ann@example.com", name: "Ann", role: "contributor", password: PASSWORD }, "cli");
  const { token, person } = await signIn(db, "ann@example.com", PASSWORD, T0);
  return { db, person, session: token };
}

const proof = (session: string, password = "") => ({ session, password, passwordsAccepted: true });

describe("confirming who makes a token", () => {
  it("asks nothing within the minutes after a sign-in, and the password from then on", async () => {
    const { db, person, session } = await signedIn();
    expect(await recentSignInProof(db, person, proof(session), T0)).toBe("none");
    expect(await recentSignInProof(db, person, proof(session), STALE - 1)).toBe("none");
    expect(await recentSignInProof(db, person, proof(session), STALE)).toBe("password");
  });

  it("takes the right password on an older session", async () => {
    const { db, person, session } = await signedIn();
    expect(await recentSignInProof(db, person, proof(session, PASSWORD), STALE + 3_600_000)).toBe("none");
  });

  it("refuses a wrong password in words, counts it as a failed sign-in, and slows guesses down", async () => {
    const { db, person, session } = await signedIn();
    const at = STALE + 60_000;
    const wrong = await rejection(recentSignInProof(db, person, proof(session, "guess one"), at));
    expect(wrong.code).toBe("invalid");
    expect(wrong.message).toBe("Wrong password: type the one you sign in with.");
    await rejection(recentSignInProof(db, person, proof(session, "guess two"), at));
    await rejection(recentSignInProof(db, person, proof(session, "guess three"), at));
    expect(db.$client.prepare("SELECT failures FROM sign_in_failures").get()).toEqual({ failures: 3 });
    // The throttle holds even for the right password, as at sign-in.
    expect((await rejection(recentSignInProof(db, person, proof(session, PASSWORD), at + 500))).code).toBe("rate_limited");
  });

  it("asks a person without a password, or a server that takes none, to sign in again; a password typed changes nothing", async () => {
    const { db, person, session } = await signedIn();
    expect(await recentSignInProof(db, person, { session, password: PASSWORD, passwordsAccepted: false }, STALE)).toBe("sign-in-again");
    const sso = await addUser(db, { email: "sso@example.com", name: "Sso", role: "viewer" }, "cli");
    const ssoSession = (await transact(db, (tx) => openSession(tx, sso, T0))).token;
    expect(await recentSignInProof(db, sso, proof(ssoSession), T0 + 60_000)).toBe("none");
    expect(await recentSignInProof(db, sso, proof(ssoSession, "anything"), STALE)).toBe("sign-in-again");
  });

  it("refuses a session that has ended", async () => {
    const { db, person, session } = await signedIn();
    await endSession(db, session);
    expect((await rejection(recentSignInProof(db, person, proof(session), T0))).code).toBe("unauthenticated");
  });
});
