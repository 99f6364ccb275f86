import { AppError } from "@/lib/errors";
import { tokenConfirmationNeeded, type TokenConfirmation } from "@/lib/auth/token-confirmation";
import type { Db } from "../index";
import type { Person } from "../schema";
import { checkPassword, sessionSignedInAt } from "./sessions";

export interface TokenMakerProof {
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
 * What a person must still show before a token is made for them: "none" when the session signed
 * in recently or the password typed again is right, else what the form must ask for. A wrong
 * password is refused and counted (and throttled) exactly as a failed sign-in is, so a stolen
 * session cookie gives no faster way to guess it.
 */
export async function confirmTokenMaker(db: Db, person: Person, proof: TokenMakerProof, now = Date.now()): Promise<TokenConfirmation> {
  const signedInAt = await sessionSignedInAt(db, proof.session, now);
  if (signedInAt === null) throw new AppError("unauthenticated", "sign in again: this session has ended");
  const needed = tokenConfirmationNeeded(signedInAt, now, proof.passwordsAccepted && person.passwordHash !== null);
  if (needed !== "password" || proof.password === "") return needed;
  try {
    await checkPassword(db, person.email, proof.password, now, proof.device);
  } catch (e) {
    if (e instanceof AppError && e.code === "unauthenticated") throw new AppError("invalid", "Wrong password: type the one you sign in with.");
    throw e;
  }
  return "none";
}
