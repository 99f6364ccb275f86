/**
 * A local HTTP receiver for webhook tests on an ephemeral port of 127.0.0.1: it keeps every
 * request (path, headers, raw body) and answers `failFirst` of them per path with 503, then 200.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
  at: number;
}

export interface WebhookReceiver {
  origin: string;
  requests: ReceivedRequest[];
  /** Requests to one path, in order. */
  on: (path: string) => ReceivedRequest[];
  close: () => Promise<void>;
}

export async function startWebhookReceiver(options: { failFirst?: number; status?: (path: string, n: number) => number } = {}): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const n = requests.filter((r) => r.path === path).length + 1;
      const status = options.status ? options.status(path, n) : n <= (options.failFirst ?? 0) ? 503 : 200;
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), status, at: Date.now() });
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "try later");
    });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    on: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
