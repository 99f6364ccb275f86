// Any /api address no route takes: 404 as problem+json, not the HTML page a browser gets.
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { markSmallAnswer } from "@/lib/http/small-answer";

export const dynamic = "force-dynamic";

function notFound(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  return markSmallAnswer(problemResponse(new AppError("not_found", `there is no API at ${path}; the API's addresses are listed at /api/openapi.json`), path));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
