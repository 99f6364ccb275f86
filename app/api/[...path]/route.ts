// Any /api address no route takes: 404 as problem+json, not the HTML page a browser gets.
import { problemAnswer } from "@/app/_lib/problem-answer";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

function notFound(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  return problemAnswer(new AppError("not_found", `there is no API at ${path}; the API's addresses are listed at /api/openapi.json`), request);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
