import { NextResponse } from "next/server";
import { OIDC_COOKIE, OIDC_COOKIE_PATH } from "@/app/_lib/oidc";
import type { SsoProblem } from "@/lib/auth/sso-problems";

/**
 * A 303 to a path of this site (never elsewhere). With a problem, the sign-in page, which says it in
 * words: a person who tried to sign in reads why it failed, never a 500.
 */
export function redirectTo(path: string, problem?: SsoProblem): NextResponse {
  const location = problem ? `/sign-in?sso=${problem}` : path;
  const res = new NextResponse(null, { status: 303, headers: { location, "cache-control": "no-store" } });
  res.cookies.set(OIDC_COOKIE, "", { path: OIDC_COOKIE_PATH, maxAge: 0, httpOnly: true, sameSite: "lax" });
  return res;
}
