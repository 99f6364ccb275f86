import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { READS_PER_TURN, readTurn } from "@/app/_lib/read-turns";

const WRITE = "POST /write HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

let server: http.Server | undefined;
afterEach(() => server?.close());

/** Every read waits for one turn, all of them together: what readTurn was before it let a few through a turn. */
const oneTurnForAll = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `reads` slow reads and one write on connections already open; the order in which the server finished
 * them. "together": all written at once (the server finds them all waiting when it next looks);
 * "busy": the write is written when the first read starts its work, as a write that comes while
 * the server is busy with reads taken in before it.
 */
async function finishOrder(wait: (() => Promise<void>) | null, writeComes: "together" | "busy" = "together", reads = 10): Promise<string[]> {
  const done: string[] = [];
  let accepted = 0;
  let writeSent = false;
  let sockets: net.Socket[] = [];
  const answer = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (request.method === "GET") {
      if (wait) await wait();
      if (writeComes === "busy" && !writeSent) {
        writeSent = true;
        sockets[reads]!.write(WRITE);
      }
      busy(5);
    }
    done.push(`${request.method} ${request.url}`);
    response.end("ok");
  };
  server = http.createServer((request, response) => void answer(request, response));
  server.on("connection", () => accepted++);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  sockets = await Promise.all(
    Array.from({ length: reads + 1 }, () => new Promise<net.Socket>((resolve) => { const s = net.connect(port, "127.0.0.1", () => resolve(s)); })),
  );
  while (accepted < reads + 1) await new Promise((resolve) => setTimeout(resolve, 5));
  const answered = sockets.map((s) => new Promise((resolve) => s.once("data", resolve)));
  sockets.forEach((s, i) => {
    if (i < reads) s.write(`GET /read-${i} HTTP/1.1\r\nHost: x\r\n\r\n`);
    else if (writeComes === "together") s.write(WRITE);
  });
  await Promise.all(answered);
  for (const s of sockets) s.destroy();
  return done;
}

describe("readTurn", () => {
  it("lets a write that arrives among many reads be served before the reads queued with it", async () => {
    const order = await finishOrder(readTurn);
    expect(order).toHaveLength(11);
    // The write does not wait for the ten reads' work (at most for a read the server took in
    // on an earlier look, when the requests reached it over two).
    expect(order.indexOf("POST /write")).toBeLessThanOrEqual(2);
    // The reads keep the order they came in.
    const reads = order.filter((r) => r.startsWith("GET"));
    expect(reads).toEqual([...reads].sort((a, b) => Number(a.split("-")[1]) - Number(b.split("-")[1])));
  });

  it("is what makes the difference: without it the write is served after the reads that came before it", async () => {
    const order = await finishOrder(null);
    expect(order.indexOf("POST /write")).toBeGreaterThanOrEqual(8);
  });

  it("lets a write that comes while the server works through queued reads in after a few of them", async () => {
    const order = await finishOrder(readTurn, "busy", 24);
    expect(order).toHaveLength(25);
    expect(order.indexOf("POST /write")).toBeLessThanOrEqual(READS_PER_TURN);
    const reads = order.filter((r) => r.startsWith("GET"));
    expect(reads).toEqual([...reads].sort((a, b) => Number(a.split("-")[1]) - Number(b.split("-")[1])));
    // One turn for all the queued reads makes that write wait for every one of them.
    expect((await finishOrder(oneTurnForAll, "busy", 24)).indexOf("POST /write")).toBeGreaterThanOrEqual(20);
  });
});
