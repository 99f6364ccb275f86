import { describe, expect, it } from "vitest";
import { privateTargetRefusal } from "@/db/delivery/webhook-target";
import { isPrivateAddress, privateTargetsAllowed } from "@/lib/delivery/private-address";

describe("addresses a webhook may not reach by default", () => {
  it.each([
    "127.0.0.1", "127.3.2.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
    "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc12::3", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "not an address",
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
