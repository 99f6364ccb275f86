// GET /programs/{slug}/reports.atom?token=… – the Atom feed of published weeks, for readers without an account; a wrong, rotated, missing or repeated token is a 404
import { createHash } from "node:crypto";
import { getDb } from "@/db/get-db";
import { getReportFeed } from "@/db/queries/get-report-feed";
import { asAppError } from "@/lib/errors";
import { appOrigin } from "@/lib/http/app-origin";

export const dynamic = "force-dynamic";

// The same answer for an unknown program and a wrong token: a feed URL never says whether a program exists.
const notFound = () => new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * The token is the credential, checked here (proxy.ts lets this path through without a session):
 * only its sha256 is stored, and rotating it stops the old URL at once.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const tokens = new URL(request.url).searchParams.getAll("token");
  // One credential or none: a second `token` could be the one a cache or a log keyed on.
  if (tokens.length !== 1) return notFound();
  const token = tokens[0]!;
  let atom: string | null;
  try {
    atom = await getReportFeed(await getDb(), slug, token, appOrigin(request.headers));
  } catch (error) {
    // A slug or token no database could hold (PostgreSQL refuses U+0000) names no feed either.
    if (asAppError(error)) return notFound();
    console.error("feed error:", error);
    return new Response("The feed could not be made\n", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (atom === null) return notFound();
  const etag = `"${createHash("sha256").update(atom).digest("base64url").slice(0, 27)}"`;
  const headers = { etag, "cache-control": "private, no-cache", "x-content-type-options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(atom, { headers: { ...headers, "content-type": "application/atom+xml; charset=utf-8" } });
}
