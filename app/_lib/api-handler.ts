import "server-only";
import type { Person } from "@/db/schema";
import type { Permission } from "@/lib/auth/roles";
import { asAppError, AppError } from "@/lib/errors";
import { holdsNul } from "@/lib/http/path-encoding";
import { markSmallAnswer } from "@/lib/http/small-answer";
import { requireApiPermission } from "./auth";
import { problemAnswer } from "./problem-answer";
import { readTurn } from "./read-turns";

type Handler<P> = (args: { request: Request; params: P; actor: Person }) => Promise<Response> | Response;

/**
 * Wraps a route handler: checks credentials and role, turns every error into problem+json,
 * and never lets a stack trace or SQL reach the client. A short answer goes out uncompressed.
 */
export function apiRoute<P = Record<string, never>>(permission: Permission, handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      if (request.method === "GET" || request.method === "HEAD") await readTurn();
      const actor = await requireApiPermission(request, permission);
      const params = await context.params;
      if (holdsNul(params as object | undefined)) throw new AppError("not_found", "nothing is named with the NUL character (U+0000)");
      return await markSmallAnswer(privateAnswer(await handler({ request, params, actor })));
    } catch (error) {
      // Only what no AppError stands for is a fault of the server worth a log line.
      if (!asAppError(error)) console.error("api error:", error);
      return problemAnswer(error, request);
    }
  };
}

/**
 * What a person's credentials opened is kept by no cache, shared or the browser's (a bundle names
 * everyone by e-mail, the log who did what), unless the route says otherwise.
 */
function privateAnswer(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "private, no-store");
  return response;
}
