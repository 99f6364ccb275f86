import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { privateTargetRefusal } from "@/db/delivery/webhook-target";
import { isPrivateAddress, privateTargetsAllowed } from "@/lib/delivery/private-address";

describe("addresses a webhook may not reach by default", () => {
  it.each([
    "127.0.0.1", "127.3.2.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
    "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc12::3", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "not an address",
    // Documentation ranges: never routed on the internet, so a target there is someone's own network.
    "192.0.2.10", "198.51.100.7", "203.0.113.200", "2001:db8::1", "::ffff:192.0.2.1",
  ])("%s is inside", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is outside", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it("is allowed only when the deployment says WEBHOOK_PRIVATE_TARGETS=allow", () => {
    expect(privateTargetsAllowed({ WEBHOOK_PRIVATE_TARGETS: "allow" })).toBe(true);
    expect(privateTargetsAllowed({ WEBHOOK_PRIVATE_TARGETS: "yes" })).toBe(false);
    expect(privateTargetsAllowed({})).toBe(false);
  });
});

describe("IPv6 addresses that carry an IPv4 one are judged as that IPv4 address", () => {
  it.each([
    // IPv4-mapped, ::ffff:0:0/96
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["::FFFF:a9fe:a9fe", true],
    ["::ffff:8.8.8.8", false],
    ["::ffff:808:808", false],
    // IPv4-compatible, ::/96
    ["::127.0.0.1", true],
    ["::7f00:1", true],
    ["0:0:0:0:0:0:a00:1", true],
    ["::8.8.8.8", false],
    ["::808:808", false],
    // NAT64 well-known prefix, 64:ff9b::/96
    ["64:ff9b::7f00:1", true],
    ["64:ff9b::169.254.169.254", true],
    ["64:ff9b::c0a8:101", true],
    ["64:ff9b::8.8.8.8", false],
    ["64:ff9b::808:808", false],
    // 6to4, 2002::/16, the IPv4 address in bits 16-47
    ["2002:7f00:1::", true],
    ["2002:a9fe:a9fe::1", true],
    ["2002:c0a8:101:5:0:0:0:1", true],
    ["2002:808:808::", false],
    ["2002:808:808:1::1", false],
  ])("%s is inside: %s", (address, inside) => expect(isPrivateAddress(address)).toBe(inside));

  it("property: every such form of an IPv4 address is judged as that address", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 0xffff }), (v4, site) => {
        const [a = 0, b = 0, c = 0, d = 0] = v4.split(".").map(Number);
        const hex = `${(a * 256 + b).toString(16)}:${(c * 256 + d).toString(16)}`;
        for (const form of [`::ffff:${v4}`, `::ffff:${hex}`, `::${v4}`, `::${hex}`, `64:ff9b::${v4}`, `64:ff9b::${hex}`, `2002:${hex}:${site.toString(16)}::1`])
          expect(isPrivateAddress(form), form).toBe(isPrivateAddress(v4));
      }),
      { numRuns: 2000 },
    );
  });

  it("counts all of local-use NAT64 (64:ff9b:1::/48) as inside, whatever IPv4 address it seems to carry", () => {
    // Its operator picks where the IPv4 address sits: 64:ff9b:1::808:808 reads as 8.8.8.8 in a
    // /96 layout and as 0.0.0.0 in a /48 one.
    for (const address of ["64:ff9b:1::7f00:1", "64:ff9b:1::808:808", "64:ff9b:1:808:8:800::"]) expect(isPrivateAddress(address), address).toBe(true);
  });

  it("reads only the prefixes that carry one: a look-alike elsewhere is an ordinary IPv6 address", () => {
    for (const address of ["64:ff9b:0:1::7f00:1", "1::7f00:1", "2003:7f00:1::", "::1:0:7f00:1", "2606:4700::7f00:1"])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it("keeps the zone of a link-local address out of the reading", () => {
    expect(isPrivateAddress("fe80::1%eth0")).toBe(true);
    expect(isPrivateAddress("::ffff:7f00:1%eth0")).toBe(true);
  });

  it("refuses a webhook to an IPv6 literal that carries a private IPv4 address", async () => {
    expect(await privateTargetRefusal("http://[::ffff:127.0.0.1]/hook", {})).toMatch(/^not sent: ::ffff:7f00:1 is an address inside/);
    expect(await privateTargetRefusal("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", {})).toMatch(/^not sent: 64:ff9b::a9fe:a9fe is an address inside/);
    expect(await privateTargetRefusal("http://[2002:808:808::]/hook", {})).toBeNull();
  });
});

describe("the check before each webhook attempt", () => {
  const resolving = (addresses: string[]) => async () => addresses;

  it("lets a public host through and names the private address a host resolves to", async () => {
    expect(await privateTargetRefusal("https://hooks.example.com/x", {}, resolving(["93.184.216.34"]))).toBeNull();
    expect(await privateTargetRefusal("https://hooks.example.com/x", {}, resolving(["93.184.216.34", "10.0.0.5"]))).toBe(
      "not sent: hooks.example.com resolves to 10.0.0.5, an address inside a private network; WEBHOOK_PRIVATE_TARGETS=allow lets a deployment deliver there",
    );
  });

  it("refuses literal addresses and bracketed IPv6 without a lookup, unless allowed", async () => {
    expect(await privateTargetRefusal("http://169.254.169.254/latest/meta-data/", {})).toMatch(/^not sent: 169\.254\.169\.254 is an address inside a private network/);
    expect(await privateTargetRefusal("http://[::1]:8080/hook", {})).toMatch(/^not sent: ::1 is an address inside/);
    expect(await privateTargetRefusal("http://127.0.0.1:22/", { WEBHOOK_PRIVATE_TARGETS: "allow" })).toBeNull();
  });

  it("says so when the host does not resolve", async () => {
    const failing = async () => {
      throw Object.assign(new Error("nope"), { code: "ENOTFOUND" });
    };
    expect(await privateTargetRefusal("https://nowhere.invalid/x", {}, failing)).toBe("not sent: nowhere.invalid does not resolve (ENOTFOUND)");
  });
});
