import { formatCount } from "../artefacts/count-words";

/**
 * What a password change or reset leaves working, said after the sessions it ended: a token made
 * for a script is not ended by a new password, and whoever may know the old one should not be
 * thought locked out when a token of theirs still opens the API. Empty when none is live.
 */
export function liveTokensSentence(liveTokens: number, whose: "own" | "theirs"): string {
  if (liveTokens === 0) return "";
  const tokens = liveTokens === 1 ? "API token still works" : `${formatCount(liveTokens)} API tokens still work`;
  return whose === "own"
    ? ` Your ${tokens}: revoke any that someone else may know on your account page, under API tokens.`
    : ` Their ${tokens}: disable the account to revoke ${liveTokens === 1 ? "it" : "them"}.`;
}
