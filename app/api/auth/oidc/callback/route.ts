// GET /api/auth/oidc/callback – the identity provider sends the person back: code exchanged, ID token checked, session opened
import * as client from "openid-client";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/app/_lib/auth";
import { getSignInConfig, OIDC_COOKIE, providerConfiguration, readPending, redirectUrl } from "@/app/_lib/oidc";
import { endSession } from "@/db/accounts/sessions";
import { SsoRefusal, ssoSignIn, type SsoClaims } from "@/db/accounts/sso-sign-in";
import { getDb } from "@/db/get-db";
import { appOrigin } from "@/lib/http/app-origin";
import { sameOriginPath } from "@/lib/http/same-origin-path";
import { redirectTo } from "@/app/_lib/sso-redirect";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { oidc } = getSignInConfig();
  if (!oidc) return redirectTo("/sign-in", "off");
  const jar = await cookies();
  const pending = readPending(jar.get(OIDC_COOKIE)?.value);
  const params = new URL(request.url).searchParams;
  // No attempt started in this browser, or a state that is not the one it started with.
  if (!pending || params.get("state") !== pending.state) return redirectTo("/sign-in", "state");
  if (params.has("error")) return redirectTo("/sign-in", "denied");

  let claims: SsoClaims;
  let idToken: string | null = null;
  try {
    const provider = await providerConfiguration(oidc);
    // The URL the provider was told to come back to, with the parameters it came back with (behind a
    // proxy, request.url is the inner address).
    const current = new URL(redirectUrl(oidc, request.headers));
    current.search = params.toString();
    const tokens = await client.authorizationCodeGrant(provider, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    idToken = tokens.id_token ?? null;
    // Many providers put e-mail and groups only in the userinfo answer when an access token is issued.
    const userinfo = provider.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub) : {};
    claims = { ...userinfo, ...idClaims } as SsoClaims;
  } catch (error) {
    console.error(`single sign-on: the answer of ${oidc.issuer} was refused: ${error instanceof Error ? error.message : String(error)}`);
    return redirectTo("/sign-in", error instanceof client.AuthorizationResponseError ? "denied" : "provider");
  }

  try {
    const session = await ssoSignIn(await getDb(), oidc, claims, Date.now(), idToken);
    await endSession(await getDb(), jar.get(SESSION_COOKIE)?.value); // never carry a session over a sign-in
    const res = redirectTo(sameOriginPath(pending.next, appOrigin(request.headers)));
    res.cookies.set(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: appOrigin(request.headers).startsWith("https:"),
      path: "/",
      expires: new Date(session.expiresAt),
    });
    return res;
  } catch (error) {
    if (error instanceof SsoRefusal) return redirectTo("/sign-in", error.reason);
    console.error("single sign-on: sign-in failed:", error);
    return redirectTo("/sign-in", "provider");
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
