import { AppError } from "../errors";

/**
 * The version a client read, from the body and/or If-Match. Both must match the current version:
 * a stale If-Match is never overridden by a fresh body (RFC 9110 §13.1.1).
 */
export function checkExpectedVersion(what: string, current: number, body: unknown, header: number | undefined): void {
  // Callers may pass a body field no schema has checked yet: anything but a version number is a 400.
  if (body !== undefined && !(typeof body === "number" && Number.isSafeInteger(body) && body > 0))
    throw new AppError("invalid", `invalid ${what}`, [{ path: "version", message: "must be the version number you read" }]);
  if (body === undefined && header === undefined)
    throw new AppError("invalid", `invalid ${what}`, [{ path: "version", message: "send the version you read (body or If-Match)" }]);
  for (const sent of [body, header])
    if (sent !== undefined && sent !== current)
      throw new AppError("conflict", `${what} was changed by someone else (version ${current}, you sent ${sent}); reload and retry`);
}
