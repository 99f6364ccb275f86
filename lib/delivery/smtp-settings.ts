/** How the tracker reaches its mail server, from SMTP_URL and SMTP_FROM. */
export type SmtpSettings =
  | { ok: true; url: string; from: string; /** Strings to blank out of any error text: the password. */ secrets: string[] }
  | { ok: false; reason: string };

export const DEFAULT_FROM = '"Boost Offload Tracker" <tracker@localhost>';

/**
 * `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465` (TLS from
 * the start). Without SMTP_URL e-mail is not sent, and each e-mail delivery says so in the log.
 */
export function smtpSettings(env: Record<string, string | undefined>): SmtpSettings {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return { ok: false, reason: "not sent: SMTP not configured (set SMTP_URL)" };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not sent: SMTP_URL is not a URL (smtp://user:pass@host:port or smtps://…)" };
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") return { ok: false, reason: "not sent: SMTP_URL must start with smtp:// or smtps://" };
  const password = decodeURIComponent(url.password);
  const secrets = [password, url.password].filter((s) => s.length > 0);
  return { ok: true, url: raw, from: env.SMTP_FROM?.trim() || DEFAULT_FROM, secrets };
}

/** `text` with every secret replaced by "***": error messages may quote what they were given. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 3).reduce((t, s) => t.split(s).join("***"), text);
}
