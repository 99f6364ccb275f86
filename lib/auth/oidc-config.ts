import { ROLES, type Role } from "../bundle/bundle-schema";

/** Where the identity provider sends people back (appended to the app's origin when not configured). */
export const OIDC_CALLBACK_PATH = "/api/auth/oidc/callback";

/** Single sign-on settings, read from the environment once at start (README, "Single sign-on"). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Null: the app's own origin + OIDC_CALLBACK_PATH, decided per request (PUBLIC_URL when set). */
  redirectUrl: string | null;
  /** Lower-case e-mail domains that may sign in; empty: any. */
  allowedDomains: string[];
  /** The claim whose values map to roles (e.g. `groups`); null: roles are not taken from the provider. */
  roleClaim: string | null;
  /** Claim value → role. */
  roleMap: Record<string, Role>;
  defaultRole: Role;
  providerName: string;
  /** The boolean claim that vouches for the e-mail: `email_verified`, or e.g. `xms_edov` for Entra ID. */
  emailVerifiedClaim: string;
}

export interface SignInConfig {
  /** Null when OIDC_ISSUER is unset: single sign-on is off. */
  oidc: OidcConfig | null;
  /** LOCAL_SIGN_IN=off: no password form (only with single sign-on, or nobody could sign in). */
  localSignIn: boolean;
}

type Env = Record<string, string | undefined>;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`${name} must be an http(s) URL, not ${JSON.stringify(value)}`);
  return value;
}

function role(name: string, value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new Error(`${name}: ${JSON.stringify(value)} is not a role (${ROLES.join(", ")})`);
  return value as Role;
}

function claimName(name: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/.test(value)) throw new Error(`${name} must be a claim name, not ${JSON.stringify(value)}`);
  return value;
}

/** `admins=admin,reviewers=reviewer` → { admins: "admin", reviewers: "reviewer" }. */
export function parseRoleMap(value: string): Record<string, Role> {
  const map: Record<string, Role> = Object.create(null);
  for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf("=");
    const claim = part.slice(0, eq).trim();
    if (eq <= 0 || !claim) throw new Error(`OIDC_ROLE_MAP: ${JSON.stringify(part)} is not claim-value=role`);
    map[claim] = role("OIDC_ROLE_MAP", part.slice(eq + 1).trim());
  }
  return map;
}

/** `example.org, Example.COM` → ["example.org", "example.com"]. */
export function parseDomains(value: string): string[] {
  return value
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean)
    .map((d) => {
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(d)) throw new Error(`OIDC_ALLOWED_DOMAINS: ${JSON.stringify(d)} is not a domain`);
      return d;
    });
}

/**
 * Reads the sign-in settings; a bad value throws an Error whose message is the one-line reason the
 * server gives at start.
 */
export function parseSignInConfig(env: Env): SignInConfig {
  const v = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const local = v("LOCAL_SIGN_IN")?.toLowerCase();
  if (local !== undefined && local !== "on" && local !== "off") throw new Error(`LOCAL_SIGN_IN must be on or off, not ${JSON.stringify(local)}`);
  const issuer = v("OIDC_ISSUER");
  if (!issuer) {
    if (local === "off") throw new Error("LOCAL_SIGN_IN=off needs single sign-on (OIDC_ISSUER), or nobody could sign in");
    return { oidc: null, localSignIn: true };
  }
  const clientId = v("OIDC_CLIENT_ID");
  const clientSecret = v("OIDC_CLIENT_SECRET");
  if (!clientId) throw new Error("OIDC_CLIENT_ID is required with OIDC_ISSUER");
  if (!clientSecret) throw new Error("OIDC_CLIENT_SECRET is required with OIDC_ISSUER");
  const explicit = v("OIDC_REDIRECT_URL");
  const publicUrl = v("PUBLIC_URL");
  const redirectUrl = explicit
    ? httpUrl("OIDC_REDIRECT_URL", explicit)
    : publicUrl
      ? new URL(OIDC_CALLBACK_PATH, httpUrl("PUBLIC_URL", publicUrl)).href
      : null;
  const roleClaim = v("OIDC_ROLE_CLAIM") ?? null;
  const roleMapText = v("OIDC_ROLE_MAP");
  if (roleMapText && !roleClaim) throw new Error("OIDC_ROLE_MAP needs OIDC_ROLE_CLAIM (the claim whose values it maps)");
  const issuerUrl = new URL(httpUrl("OIDC_ISSUER", issuer));
  if (issuerUrl.protocol === "http:" && !LOOPBACK.has(issuerUrl.hostname))
    throw new Error(`OIDC_ISSUER must be https (plain http only for a provider on this machine), not ${JSON.stringify(issuer)}`);
  return {
    oidc: {
      issuer,
      clientId,
      clientSecret,
      redirectUrl,
      allowedDomains: parseDomains(v("OIDC_ALLOWED_DOMAINS") ?? ""),
      roleClaim,
      roleMap: parseRoleMap(roleMapText ?? ""),
      defaultRole: role("OIDC_DEFAULT_ROLE", v("OIDC_DEFAULT_ROLE") ?? "viewer"),
      providerName: v("OIDC_PROVIDER_NAME") ?? "single sign-on",
      emailVerifiedClaim: claimName("OIDC_EMAIL_VERIFIED_CLAIM", v("OIDC_EMAIL_VERIFIED_CLAIM") ?? "email_verified"),
    },
    localSignIn: local !== "off",
  };
}

/** The highest role among the claim's values that the map names; the default when none does. */
export function mapRole(claim: unknown, roleMap: Record<string, Role>, defaultRole: Role): Role {
  const values = Array.isArray(claim) ? claim : claim === undefined || claim === null ? [] : [claim];
  let best: Role | null = null;
  for (const value of values) {
    if (typeof value !== "string" || !Object.hasOwn(roleMap, value)) continue;
    const r = roleMap[value]!;
    if (best === null || ROLES.indexOf(r) > ROLES.indexOf(best)) best = r;
  }
  return best ?? defaultRole;
}

/** Whether the e-mail's domain (after the last @) is one of the allowed ones, case-insensitively; any when none are set. */
export function domainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const at = email.lastIndexOf("@");
  if (at <= 0) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return allowedDomains.some((d) => d.toLowerCase() === domain);
}
