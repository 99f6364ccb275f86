/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1, over http, for the single sign-on tests:
 * one confidential client for the tracker, accounts keyed by login whose claims a test may change
 * between sign-ins (a removed group), and the library's own login and consent pages
 * (`devInteractions`: any password is accepted for a known login).
 */
import type { AddressInfo } from "node:net";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider from "oidc-provider";

export interface LocalAccount {
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
  /** Entra ID's claim for a verified e-mail, for OIDC_EMAIL_VERIFIED_CLAIM=xms_edov. */
  xms_edov?: boolean;
}

export interface LocalProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The accounts by login; edit a login's claims and the next sign-in sees them. */
  accounts: Map<string, LocalAccount>;
  stop(): Promise<void>;
}

/**
 * Starts the provider on a free port, for trackers whose callbacks are `redirectUris`; a tracker
 * signing out may come back to `postLogoutRedirectUris` (its /sign-in).
 */
export async function startLocalProvider(redirectUris: string[], postLogoutRedirectUris: string[], accounts: Record<string, LocalAccount>): Promise<LocalProvider> {
  const clientId = "tracker";
  const clientSecret = `secret-${process.pid}-${Date.now()}`;
  const known = new Map(Object.entries(accounts));
  // The issuer names its port, so the port is chosen first: listen on 0, then build the provider.
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server: Server = createServer((req, res) => (handler ? handler(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, post_logout_redirect_uris: postLogoutRedirectUris, grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified", "xms_edov"], profile: ["name", "groups"] },
    cookies: { keys: [`cookie-key-${clientSecret}`] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = known.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...known.get(id)! }) };
    },
  });
  const callback = provider.callback();
  handler = (req, res) => void callback(req, res);
  return {
    issuer,
    clientId,
    clientSecret,
    accounts: known,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A tracker's settings for `provider`: the registration, plus whatever the test changes or adds. */
export function trackerSettings(provider: LocalProvider, more: Record<string, string> = {}): Record<string, string> {
  return { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_PROVIDER_NAME: "Example ID", ...more };
}

/** The settings most SSO tests run with: example.org only, the `groups` claim mapped to roles. */
export const GROUP_ROLES = { OIDC_ALLOWED_DOMAINS: "example.org", OIDC_ROLE_CLAIM: "groups" };
