import "server-only";
import * as client from "openid-client";
import { parseSignInConfig, OIDC_CALLBACK_PATH, type OidcConfig, type SignInConfig } from "@/lib/auth/oidc-config";
import { appOrigin } from "@/lib/http/app-origin";

/** The cookie that carries state, nonce, PKCE verifier and the page to return to, between start and callback. */
export const OIDC_COOKIE = "tracker_oidc";
export const OIDC_COOKIE_PATH = "/api/auth/oidc";
/** How long a person may take at the provider before the attempt is forgotten. */
export const OIDC_COOKIE_SECONDS = 600;

let signInConfig: SignInConfig | undefined;

/** The sign-in settings, read once (the server's start refused a bad value). */
export function getSignInConfig(): SignInConfig {
  return (signInConfig ??= parseSignInConfig(process.env));
}

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's metadata and keys (discovery from the issuer), fetched once per process and
 * kept; a failed discovery is forgotten so the next sign-in tries again.
 */
export function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  let found = discovered.get(oidc.issuer);
  if (!found) {
    const issuer = new URL(oidc.issuer);
    // Plain http only for a provider on this machine (tests, a local Keycloak); the config refuses any other.
    const insecure = issuer.protocol === "http:" ? [client.allowInsecureRequests] : [];
    found = client.discovery(issuer, oidc.clientId, undefined, client.ClientSecretBasic(oidc.clientSecret), { execute: insecure, timeout: 10 });
    found.catch(() => discovered.delete(oidc.issuer));
    discovered.set(oidc.issuer, found);
  }
  return found;
}

/** The redirect URL the provider knows this app by: configured, or the app's origin + the callback path. */
export function redirectUrl(oidc: OidcConfig, headers: Headers): string {
  return oidc.redirectUrl ?? new URL(OIDC_CALLBACK_PATH, appOrigin(headers)).href;
}

/** What start keeps for callback (in an httpOnly cookie the browser sends back only to these routes). */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

export function readPending(value: string | undefined): PendingSignIn | null {
  if (!value) return null;
  try {
    const p = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<PendingSignIn>;
    if ([p.state, p.nonce, p.verifier, p.next].every((v) => typeof v === "string" && v.length > 0 && v.length < 2048)) return p as PendingSignIn;
  } catch {
    /* not ours */
  }
  return null;
}

export function writePending(p: PendingSignIn): string {
  return Buffer.from(JSON.stringify(p), "utf8").toString("base64url");
}

/** The page that offers the provider's sign-out to a person who signed out without JavaScript. */
export const SIGNED_OUT_PATH = "/signed-out";
/** Holds that sign-out URL (it carries the ID token as hint) for the page's link, a few minutes. */
export const END_SESSION_COOKIE = "tracker_end_session";
export const END_SESSION_SECONDS = 600;

/**
 * The provider's end-session URL for a session single sign-on opened (`id_token_hint`, back to this
 * app's /sign-in), or null when the provider has none or cannot be reached: then sign-out ends
 * the tracker session only.
 */
export async function endSessionUrl(idToken: string, headers: Headers): Promise<string | null> {
  const { oidc } = getSignInConfig();
  if (!oidc) return null;
  try {
    const provider = await providerConfiguration(oidc);
    if (!provider.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(provider, { id_token_hint: idToken, post_logout_redirect_uri: new URL("/sign-in", appOrigin(headers)).href }).href;
  } catch (error) {
    console.error(`single sign-on: no sign-out at ${oidc.issuer}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Whether `url` is this provider's end-session endpoint (with any query): the only place the sign-out link may send a person. */
export async function isProviderSignOut(url: string): Promise<boolean> {
  const { oidc } = getSignInConfig();
  if (!oidc) return false;
  try {
    const endpoint = (await providerConfiguration(oidc)).serverMetadata().end_session_endpoint;
    if (!endpoint) return false;
    const to = new URL(url);
    const at = new URL(endpoint);
    return to.origin === at.origin && to.pathname === at.pathname;
  } catch {
    return false;
  }
}
