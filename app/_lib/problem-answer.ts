import { problemResponse } from "@/lib/http/problem";
import { markSmallAnswer } from "@/lib/http/small-answer";

/** An error as the API answers it: problem+json naming the request's path, sent uncompressed. */
export function problemAnswer(error: unknown, request: Request): Promise<Response> {
  return markSmallAnswer(problemResponse(error, new URL(request.url).pathname));
}
