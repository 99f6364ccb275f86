import { AppError } from "@/lib/errors";
import { problemAnswer } from "./problem-answer";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Handlers for every method a route does not take: 405 as problem+json, with `Allow` naming the
 * ones it does (Next.js would answer an empty 405). A route exports those it lacks:
 * `export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");`
 */
export function otherMethods(...allowed: Method[]): Record<Method, (request: Request) => Promise<Response>> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = async (request: Request) => {
    const answer = await problemAnswer(new AppError("method_not_allowed", `${request.method} is not taken here; this address takes ${allow}`), request);
    answer.headers.set("allow", allow);
    return answer;
  };
  return Object.fromEntries(METHODS.map((m) => [m, refuse])) as Record<Method, (request: Request) => Promise<Response>>;
}
