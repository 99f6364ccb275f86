import { BlockList, isIP } from "node:net";

/**
 * Addresses a report's webhook may not reach unless the deployment says so: loopback, private
 * networks, link-local (cloud metadata at 169.254.169.254 among them), carrier-grade NAT,
 * unspecified, multicast, reserved and documentation ones (never routed on the internet, so only
 * ever someone's own network), in IPv4 and IPv6 (an IPv6 address that carries an
 * IPv4 one, as its IPv4). A webhook there would let whoever sets up subscriptions probe the
 * server's own network.
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
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  // Local-use NAT64 (RFC 8215): translated inside the operator's own network, and where the IPv4
  // address sits depends on a prefix length chosen there, so no one reading of it can be trusted.
  ["64:ff9b:1::", 48],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

/** The eight 16-bit groups of an IPv6 address that `isIP` accepts, a trailing dotted quad as two. */
function ipv6Groups(address: string): number[] {
  // A zone (`fe80::1%eth0`) names an interface, not bits of the address.
  const [head = "", tail] = address.replace(/%.*$/, "").split("::");
  const groups = (part: string) =>
    part === "" ? [] : part.split(":").flatMap((g) => (g.includes(".") ? quadGroups(g) : [parseInt(g, 16)]));
  if (tail === undefined) return groups(head);
  const front = groups(head);
  const back = groups(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function quadGroups(quad: string): number[] {
  const [a = 0, b = 0, c = 0, d = 0] = quad.split(".").map(Number);
  return [a * 256 + b, c * 256 + d];
}

/**
 * The IPv4 address an IPv6 one reaches through, else null: IPv4-mapped (::ffff:0:0/96) and
 * IPv4-compatible (::/96) in the last 32 bits, NAT64 (64:ff9b::/96) in the last 32 bits, 6to4
 * (2002::/16) in bits 16-47. A stack, translator or relay delivers these to that IPv4 host.
 */
function embeddedIpv4(groups: number[]): string | null {
  const zero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  const at = (i: number): [number, number] => [groups[i]!, groups[i + 1]!];
  const pair =
    zero(0, 5) && (groups[5] === 0 || groups[5] === 0xffff) ? at(6)
    : groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6) ? at(6)
    : groups[0] === 0x2002 ? at(1)
    : null;
  return pair && pair.flatMap((g) => [g >> 8, g & 0xff]).join(".");
}

/** Whether `address` (an IP, v4 or v6) lies in a network a webhook may not reach by default. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never reached
  if (family === 4) return PRIVATE.check(address, "ipv4");
  const ipv4 = embeddedIpv4(ipv6Groups(address));
  return ipv4 !== null ? PRIVATE.check(ipv4, "ipv4") : PRIVATE.check(address, "ipv6");
}

/** WEBHOOK_PRIVATE_TARGETS=allow: the deployment delivers inside its own network on purpose. */
export const privateTargetsAllowed = (env: Record<string, string | undefined>): boolean => env.WEBHOOK_PRIVATE_TARGETS === "allow";
