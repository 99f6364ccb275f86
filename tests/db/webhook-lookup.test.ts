/** The lookup every webhook connection makes: it answers as Node's net asks, and refuses a private address whatever else the name gives. */
import net from "node:net";
import { describe, expect, it } from "vitest";
import { checkedLookup } from "@/db/delivery/webhook-target";

type Answer = { error: (Error & { code?: string }) | null; address: unknown; family?: number };

function ask(addresses: string[], options: { all?: boolean; family?: number }): Promise<Answer> {
  const lookup = checkedLookup(async () => addresses);
  return new Promise((resolve) => lookup("hook.example.org", options as never, ((error: Error | null, address: unknown, family?: number) => resolve({ error, address, family })) as never));
}

describe("the webhook connections' lookup", () => {
  it("gives every public address when asked for all, each with its family", async () => {
    expect(await ask(["93.184.216.34", "2606:2800:220:1::1"], { all: true })).toMatchObject({
      error: null,
      address: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:2800:220:1::1", family: 6 },
      ],
    });
  });

  it("gives one address of the family asked for", async () => {
    expect(await ask(["93.184.216.34", "2606:2800:220:1::1"], { family: 6 })).toMatchObject({ error: null, address: "2606:2800:220:1::1", family: 6 });
    expect(await ask(["2606:2800:220:1::1"], { family: 4 })).toMatchObject({ error: { code: "ENOTFOUND" } });
  });

  it("refuses the name when any of its addresses is private, naming it", async () => {
    for (const inside of ["127.0.0.1", "10.1.2.3", "::ffff:169.254.169.254", "fd00::1"]) {
      const { error } = await ask(["93.184.216.34", inside], { all: true });
      expect(error?.code).toBe("EPRIVATETARGET");
      expect(error?.message).toBe(`not sent: hook.example.org resolves to ${inside}, an address inside a private network; WEBHOOK_PRIVATE_TARGETS=allow lets a deployment deliver there`);
    }
  });

  it("passes a failed lookup on as it came", async () => {
    const lookup = checkedLookup(async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    });
    const error = await new Promise<Error & { code?: string }>((resolve) => lookup("nowhere.example.org", {}, ((e: Error) => resolve(e)) as never));
    expect(error.code).toBe("ENOTFOUND");
  });

  it("is what a socket connects through: a private answer opens no connection", async () => {
    const server = net.createServer((socket) => socket.end());
    let accepted = 0;
    server.on("connection", () => accepted++);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as net.AddressInfo;
    const error = await new Promise<Error & { code?: string }>((resolve) => {
      const socket = net.connect({ host: "hook.example.org", port, lookup: checkedLookup(async () => ["127.0.0.1"]) });
      socket.on("error", resolve);
      socket.on("connect", () => resolve(Object.assign(new Error("connected"), { code: "CONNECTED" })));
    });
    await new Promise((r) => server.close(r));
    expect(error.code).toBe("EPRIVATETARGET");
    expect(accepted).toBe(0);
  });
});
