import { BlockList, isIP } from "node:net";

/**
 * Addresses a report's webhook may not reach unless the deployment says so: loopback, private
 * networks, link-local (cloud metadata at 169.254.169.254 among them), carrier-grade NAT,
 * unspecified, multicast and reserved ones, in IPv4 and IPv6 (IPv4-mapped IPv6 as its IPv4).
 * A webhook there would let whoever sets up subscriptions probe the server's own network.
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

/** Whether `address` (an IP, v4 or v6) lies in a network a webhook may not reach by default. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never reached
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** WEBHOOK_PRIVATE_TARGETS=allow: the deployment delivers inside its own network on purpose. */
export const privateTargetsAllowed = (env: Record<string, string | undefined>): boolean => env.WEBHOOK_PRIVATE_TARGETS === "allow";
