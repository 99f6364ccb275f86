// The first door every page request passes, whatever the App Router renders after it (a client
// navigation skips layouts, so a layout can guard nothing):
// - no session cookie: every page but sign-in (and the token-guarded Atom feeds) redirects to sign-in; pages still check that the
//   session is real, this only turns away the requests that carry no credential at all. The API
//   is guarded by its route wrapper (apiRoute) and passes here only for the check below: a proxy
//   makes Next.js copy the request body for it, which would cut off the large bodies of imports;
// - a server action (a call React made, or any form posted to a page without JavaScript) from
//   another origin, or without one and not marked same-origin, is a 403
//   problem (Next.js would answer 500); actions
//   otherwise pass, as each checks the session and role itself;
// - a path that is not valid percent-encoding (/programs/%ff) names nothing: 404
//   (Next.js would answer 500); a signed-in person's page gets it inside its navigation;
// - a page loaded whole, for a live session, whose program, item, claim or week does not exist:
//   the 404 page drawn by the server, in that page's words (a page's own 404 is blank without script);
// - a server-action call whose text body is not JSON cannot be a call React made: 400;
// - a server action without a live session larger than the sign-in form needs: 413.
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { appOrigin, fromOwnOrigin } from "@/lib/http/app-origin";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { MISSING_TARGET_HEADER, missingTargetHeader, pageTarget, type MissingTarget } from "@/lib/http/page-target";
import { repairPathEncoding } from "@/lib/http/path-encoding";
import { problemResponse } from "@/lib/http/problem";
import { sameOriginPath } from "@/lib/http/same-origin-path";

const SESSION_COOKIE = "tracker_session";
/** The largest server-action body taken without a session cookie (the sign-in form). */
const SIGNED_OUT_ACTION_BYTES = 64 * 1024;
/** A path no page matches: a rewrite to it is answered by the router's 404 page, drawn on the server. */
const NO_PAGE = "/_invalid-path";
/** Pages reachable without signing in. */
const PUBLIC_PATHS = new Set(["/sign-in", "/signed-out", NO_PAGE]);
/** A program's Atom feed: its token is its credential, checked by the route itself. */
const FEED_PATH = /^\/programs\/[^/]+\/reports\.atom$/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname === "/api" || pathname.startsWith("/api/");
  try {
    decodeURIComponent(pathname);
  } catch {
    if (api) return problemResponse(new AppError("not_found", "nothing here: the path is not valid percent-encoding"), pathname);
    // A page read with a session: the same path with U+FFFD in place of what cannot be decoded
    // names nothing either, but reaches the page it aims at, which says so in its own words.
    // Anyone could ask for that path directly, so nothing new is opened.
    const repaired = repairPathEncoding(pathname);
    if (repaired !== null && (request.method === "GET" || request.method === "HEAD") && request.cookies.has(SESSION_COOKIE)) {
      const missing = await missingForSignedIn(request, repaired);
      if (missing) return noPage(request, missing);
      const url = request.nextUrl.clone();
      url.pathname = repaired;
      return withPagePolicy(request, (headers) => NextResponse.rewrite(url, { request: { headers } }));
    }
    return noPage(request, null);
  }
  if (isPossibleAction(request, api)) {
    // Browsers always send Origin with a POST: a call must name this site there, or, without
    // one, be marked same-origin by the browser (Sec-Fetch-Site) — the API's rule for cookies.
    if (!fromOwnOrigin(request.headers, appOrigin(request.headers)))
      return problemResponse(new AppError("forbidden", "this form was sent from another site; open the tracker itself and try again"), pathname);
    // Signed out, the only form is signing in: a few hundred bytes. A larger body, or one whose
    // length is not said, is turned away before Next.js reads it (it takes 21 MB for evidence)
    // unless its session is live: any cookie would do otherwise.
    if (!(Number(request.headers.get("content-length") ?? NaN) <= SIGNED_OUT_ACTION_BYTES) && !(await liveSession(request.cookies.get(SESSION_COOKIE)?.value)))
      return problemResponse(new AppError("too_large", `a form sent without signing in carries at most ${SIGNED_OUT_ACTION_BYTES / 1024} KiB, with its length said`), pathname);
    if (await undecodableActionBody(request))
      return problemResponse(
        new AppError("invalid", "this form reached the server in a shape it does not accept: reload the page and try again"),
        pathname,
      );
    // Each action checks the session and role itself, and says in the form when the session has
    // ended (a redirect would lose what the person typed). Without JavaScript a form's answer is a
    // whole page, so it gets a page's policy.
    return withPagePolicy(request, (headers) => NextResponse.next({ request: { headers } }));
  }
  if (api) return NextResponse.next();
  if (request.cookies.has(SESSION_COOKIE)) {
    const missing = await missingForSignedIn(request, pathname);
    if (missing) return noPage(request, missing);
  }
  if (PUBLIC_PATHS.has(pathname) || FEED_PATH.test(pathname) || request.cookies.has(SESSION_COOKIE))
    return withPagePolicy(request, (headers) => NextResponse.next({ request: { headers } }));
  const signIn = new URL("/sign-in", request.url);
  const back = request.nextUrl.clone();
  back.searchParams.delete("_rsc"); // Next.js's cache-busting token of a client navigation
  const next = sameOriginPath(`${back.pathname}${back.search}`);
  if (next !== "/") signIn.searchParams.set("next", next);
  return NextResponse.redirect(signIn);
}

/**
 * A page answer with its own script nonce: the policy goes on the request too, where Next.js reads
 * the nonce for the scripts it writes into the page, and on the response, where the browser
 * enforces it.
 */
function withPagePolicy(request: NextRequest, respond: (headers: Headers) => NextResponse): NextResponse {
  const policy = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // Only noPage() says what is missing. Next.js passes its rewrite through here once more to draw
  // the 404 page, which keeps it: all the header can do is choose that page's words and show a
  // program's name and navigation, which the 404 page shows only to a signed-in person.
  if (request.nextUrl.pathname !== NO_PAGE) headers.delete(MISSING_TARGET_HEADER);
  const response = respond(headers);
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * The router's 404 page, drawn by the server. Next.js answers a page's own notFound() with a shell
 * the browser's script fills in (vercel/next.js#62228): without script it is blank.
 * `missing` tells the 404 page what was not found, to say it in that page's words.
 */
function noPage(request: NextRequest, missing: MissingTarget | null): NextResponse {
  return withPagePolicy(request, (headers) => {
    if (missing) headers.set(MISSING_TARGET_HEADER, missingTargetHeader(missing));
    return NextResponse.rewrite(new URL(NO_PAGE, request.url), { request: { headers } });
  });
}

/**
 * For a page a browser loads whole (not a client navigation, which draws the page's own 404):
 * what its address names that does not exist. Asked only for a session that opens pages (live,
 * its password chosen), before any lookup: nobody else learns which names exist, not even from
 * how long the answer took, nor makes the server read a program. If a lookup fails, the page answers.
 */
async function missingForSignedIn(request: NextRequest, pathname: string): Promise<MissingTarget | null> {
  if ((request.method !== "GET" && request.method !== "HEAD") || request.headers.has("rsc") || request.nextUrl.searchParams.has("_rsc")) return null;
  const target = pageTarget(pathname);
  if (!target) return null;
  try {
    const person = await sessionPersonOf(request.cookies.get(SESSION_COOKIE)?.value);
    if (!person || person.mustChangePassword) return null;
    const [{ getDb }, { missingPageTarget }] = await Promise.all([import("@/db/get-db"), import("@/db/queries/missing-page-target")]);
    return await missingPageTarget(await getDb(), target);
  } catch {
    return null;
  }
}

/** Whether `token` opens a live session: looked up only for a large action body, the rare case. */
async function liveSession(token: string | undefined): Promise<boolean> {
  return (await sessionPersonOf(token)) !== null;
}

/** The person a session cookie's token signs in, or null (the database code loads only when asked). */
async function sessionPersonOf(token: string | undefined) {
  if (!token) return null;
  const [{ getDb }, { sessionPerson }] = await Promise.all([import("@/db/get-db"), import("@/db/accounts/sessions")]);
  return await sessionPerson(await getDb(), token);
}

/**
 * What Next.js may run as a server action: a call React made (its Next-Action header), or, to a
 * page, any form posted without JavaScript (multipart or URL-encoded, the action named in the body).
 */
function isPossibleAction(request: NextRequest, api: boolean): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  return !api && /^\s*(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(request.headers.get("content-type") ?? "");
}

// React sends a call's arguments as a JSON text body, or as multipart form data when a form is
// among them (Next.js parses that itself and refuses what it cannot read).
async function undecodableActionBody(request: NextRequest): Promise<boolean> {
  if (!(request.headers.get("content-type") ?? "").startsWith("text/plain")) return false;
  try {
    JSON.parse(await request.clone().text());
    return false;
  } catch {
    return true;
  }
}

export const config = {
  matcher: [
    // Every page: everything but Next's build assets and the API.
    "/((?!_next/static/|_next/image/|favicon\\.ico$|api/).*)",
    // API paths only when they hold a "%".
    "/(api/.*%.*)",
  ],
};
