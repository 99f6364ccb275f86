import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readTurn } from "@/app/_lib/read-turns";

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

let server: http.Server | undefined;
afterEach(() => server?.close());

/**
 * Ten slow reads, then one write, written at once on connections already open (so the server finds
 * them all waiting when it next looks); the order in which the server finished them.
 */
async function finishOrder(readsWait: boolean): Promise<string[]> {
  const done: string[] = [];
  let accepted = 0;
  const answer = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (request.method === "GET") {
      if (readsWait) await readTurn();
      busy(5);
    }
    done.push(`${request.method} ${request.url}`);
    response.end("ok");
  };
  server = http.createServer((request, response) => void answer(request, response));
  server.on("connection", () => accepted++);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const sockets = await Promise.all(
    Array.from({ length: 11 }, () => new Promise<net.Socket>((resolve) => { const s = net.connect(port, "127.0.0.1", () => resolve(s)); })),
  );
  while (accepted < 11) await new Promise((resolve) => setTimeout(resolve, 5));
  const answered = sockets.map((s) => new Promise((resolve) => s.once("data", resolve)));
  sockets.forEach((s, i) => s.write(i < 10 ? `GET /read-${i} HTTP/1.1\r\nHost: x\r\n\r\n` : "POST /write HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));
  await Promise.all(answered);
  for (const s of sockets) s.destroy();
  return done;
}

describe("readTurn", () => {
  it("lets a write that arrives among many reads be served before the reads queued with it", async () => {
    const order = await finishOrder(true);
    expect(order).toHaveLength(11);
    // The write does not wait for the ten reads' work (at most for a read the server took in
    // on an earlier look, when the requests reached it over two).
    expect(order.indexOf("POST /write")).toBeLessThanOrEqual(2);
    // The reads keep the order they came in.
    const reads = order.filter((r) => r.startsWith("GET"));
    expect(reads).toEqual([...reads].sort((a, b) => Number(a.split("-")[1]) - Number(b.split("-")[1])));
  });

  it("is what makes the difference: without it the write is served after the reads that came before it", async () => {
    const order = await finishOrder(false);
    expect(order.indexOf("POST /write")).toBeGreaterThanOrEqual(8);
  });
});
