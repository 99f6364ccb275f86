import http from "node:http";

const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/**
 * Makes the client's address and the app's origin facts of the connection, not claims of the
 * client. Next.js keeps an X-Forwarded-For the client sent and fills it from the socket only when
 * absent, so anyone could pick their address (and dodge the per-address sign-in limit) or the
 * scheme and host the app believes it serves. Unless TRUST_PROXY=1 — the app runs behind a reverse
 * proxy that sets these headers itself — every request's forwarding headers are dropped before
 * Next.js sees them and X-Forwarded-For is set from the socket.
 */
export function installForwardedHeaderGuard(trustProxy = process.env.TRUST_PROXY === "1"): void {
  if (trustProxy) return;
  const marker = Symbol.for("tracker.forwardedHeaderGuard");
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: (event: string, ...args: unknown[]) => boolean };
  if (proto[marker]) return;
  proto[marker] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      for (const h of FORWARDING) delete req.headers[h];
      req.headers["x-forwarded-for"] = req.socket?.remoteAddress ?? "unknown";
    }
    return emit.call(this, event, ...args);
  };
}
