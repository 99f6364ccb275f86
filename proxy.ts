// Two kinds of request Next.js answers with a 500 before any of our code runs are refused here:
// - a path that is not valid percent-encoding (/programs/%ff) names nothing: 404
//   (vercel/next.js#92527);
// - a server-action call whose text body is not JSON cannot be a call React made: 400.
// Every other request never reaches this file (see the matcher).
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname === "/api" || pathname.startsWith("/api/");
  try {
    decodeURIComponent(pathname);
  } catch {
    if (api) return problemResponse(new AppError("not_found", "nothing here: the path is not valid percent-encoding"), pathname);
    return NextResponse.rewrite(new URL("/_invalid-path", request.url));
  }
  if (request.method === "POST" && request.headers.has("next-action") && (await undecodableActionBody(request)))
    return problemResponse(
      new AppError("invalid", "this form reached the server in a shape it does not accept: reload the page and try again"),
      pathname,
    );
  return NextResponse.next();
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
    // Only paths holding a "%", and never Next's own assets.
    "/((?!_next/).*%.*)",
    // Server-action calls: POSTs carrying the action's id.
    { source: "/((?!_next/|api/).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
