// GET /api/auth/oidc/end-session – the provider's sign-out, for a person who signed out of the tracker without JavaScript
import { cookies } from "next/headers";
import { END_SESSION_COOKIE, isProviderSignOut } from "@/app/_lib/oidc";
import { appOrigin } from "@/lib/http/app-origin";

export const dynamic = "force-dynamic";

/**
 * Follows the link of /signed-out: a navigation of its own, which CSP's form-action does not
 * govern. The URL is the one the sign-out kept in a short-lived cookie, spent here, and only ever
 * the provider's end-session endpoint; anything else goes to /sign-in.
 */
export async function GET(request: Request) {
  const jar = await cookies();
  const kept = jar.get(END_SESSION_COOKIE)?.value;
  if (kept !== undefined) jar.delete(END_SESSION_COOKIE);
  const to = kept && (await isProviderSignOut(kept)) ? kept : new URL("/sign-in", appOrigin(request.headers)).href;
  return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store" } });
}
