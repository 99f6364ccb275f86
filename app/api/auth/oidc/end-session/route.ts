// GET /api/auth/oidc/end-session – the provider's sign-out, for a person who signed out of the tracker without JavaScript
import type { NextRequest } from "next/server";
import { END_SESSION_COOKIE, getSignInConfig, isProviderSignOut } from "@/app/_lib/oidc";
import { redirectTo } from "@/app/_lib/sso-redirect";
import { otherMethods } from "@/app/_lib/other-methods";

export const dynamic = "force-dynamic";

/**
 * Follows the link of /signed-out: a navigation of its own, which CSP's form-action does not
 * govern. The URL is the one the sign-out kept in a short-lived cookie, spent here, and only ever
 * the provider's end-session endpoint; anything else goes to /sign-in.
 */
export async function GET(request: NextRequest) {
  if (!getSignInConfig().oidc) return redirectTo("/sign-in", "off");
  const kept = request.cookies.get(END_SESSION_COOKIE)?.value;
  const res = redirectTo("/sign-in");
  if (kept === undefined) return res;
  res.cookies.set(END_SESSION_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax" });
  if (await isProviderSignOut(kept)) res.headers.set("location", kept);
  return res;
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
