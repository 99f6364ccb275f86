import { createHash, randomBytes } from "node:crypto";

/** A new random secret with a readable prefix, e.g. `bot_…` for API tokens. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** Secrets are high-entropy, so a plain sha256 is enough to store them safely. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A random password for the first admin: 20 characters, no look-alikes. */
export function randomPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(20), (b) => alphabet[b % alphabet.length]).join("");
}

/** Whether `text` could be a secret made by newSecret(prefix): anything else is refused unseen. */
export function isSecretShaped(text: string, prefix: string): boolean {
  return text.length === prefix.length + 44 && text.startsWith(`${prefix}_`) && /^[A-Za-z0-9_-]+$/.test(text.slice(prefix.length + 1));
}
