// Paths with a "%" only: a path that is not valid percent-encoding (/programs/%ff) names nothing,
// so it is a 404 here, before Next.js tries to decode it for a dynamic route and answers 500
// (vercel/next.js#92527). Every other request never reaches this file (see the matcher).
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
    return NextResponse.next();
  } catch {
    if (pathname === "/api" || pathname.startsWith("/api/"))
      return problemResponse(new AppError("not_found", "nothing here: the path is not valid percent-encoding"), pathname);
    return NextResponse.rewrite(new URL("/_invalid-path", request.url));
  }
}

export const config = {
  // Only paths holding a "%", and never Next's own assets.
  matcher: ["/((?!_next/).*%.*)"],
};
