import { AppError } from "@/lib/errors";
import { proofNeeded, type SignInProof } from "@/lib/auth/recent-sign-in";
import type { Db } from "../index";
import type { Person } from "../schema";
import { checkPassword, sessionSignedInAt } from "./sessions";

export interface SignInProofInput {
  /** The session cookie's secret the request came with. */
  session: string | undefined;
  /** The password typed again on the form ("" when none was asked for or typed). */
  password: string;
  /** The browser's device cookie secret: a wrong password is counted as a failed sign-in from it. */
  device?: string;
  /** Whether this server takes passwords at all (LOCAL_SIGN_IN). */
  passwordsAccepted: boolean;
}

/**
 * What a person must still show before a change that outlives their session (recent-sign-in.ts):
 * "none" when the session signed in recently or the password typed again is right, else what the
 * page must ask for. A wrong
 * password is refused and counted (and throttled) exactly as a failed sign-in is, so a stolen
 * session cookie gives no faster way to guess it.
 */
export async function recentSignInProof(db: Db, person: Person, proof: SignInProofInput, now = Date.now()): Promise<SignInProof> {
  const signedInAt = await sessionSignedInAt(db, proof.session, now);
  if (signedInAt === null) throw new AppError("unauthenticated", "sign in again: this session has ended");
  const needed = proofNeeded(signedInAt, now, proof.passwordsAccepted && person.passwordHash !== null);
  if (needed !== "password" || proof.password === "") return needed;
  try {
    await checkPassword(db, person.email, proof.password, now, proof.device);
  } catch (e) {
    if (e instanceof AppError && e.code === "unauthenticated") throw new AppError("invalid", "Wrong password: type the one you sign in with.");
    throw e;
  }
  return "none";
}
