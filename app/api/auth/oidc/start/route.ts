// GET /api/auth/oidc/start – sends the person to the identity provider (authorization code + PKCE, state, nonce)
import * as client from "openid-client";
import { getSignInConfig, OIDC_COOKIE, OIDC_COOKIE_PATH, OIDC_COOKIE_SECONDS, providerConfiguration, redirectUrl, writePending } from "@/app/_lib/oidc";
import { appOrigin } from "@/lib/http/app-origin";
import { sameOriginPath } from "@/lib/http/same-origin-path";
import { redirectTo } from "@/app/_lib/sso-redirect";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { oidc } = getSignInConfig();
  if (!oidc) return redirectTo("/sign-in", "off");
  let provider: client.Configuration;
  try {
    provider = await providerConfiguration(oidc);
  } catch (error) {
    console.error(`single sign-on: discovery at ${oidc.issuer} failed: ${error instanceof Error ? error.message : String(error)}`);
    return redirectTo("/sign-in", "provider");
  }
  const origin = appOrigin(request.headers);
  const next = sameOriginPath(new URL(request.url).searchParams.get("next"), origin);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUrl(oidc, request.headers),
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const res = redirectTo("/");
  res.headers.set("location", url.href);
  res.cookies.set(OIDC_COOKIE, writePending({ state, nonce, verifier, next }), {
    httpOnly: true,
    sameSite: "lax",
    secure: origin.startsWith("https:"),
    path: OIDC_COOKIE_PATH,
    maxAge: OIDC_COOKIE_SECONDS,
  });
  return res;
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
