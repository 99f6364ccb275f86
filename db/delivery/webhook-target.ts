import { lookup } from "node:dns/promises";
import { isPrivateAddress, privateTargetsAllowed } from "@/lib/delivery/private-address";

/** Every address a host name resolves to (an IP literal resolves to itself). */
export const resolveHost = async (host: string): Promise<string[]> => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Why a webhook attempt may not go to `url`, or null: its host resolves (now, at each attempt, not
 * only when the subscription was made) to an address inside a private network, and the deployment
 * has not allowed that. The refusal names the address, never what answers there.
 */
export async function privateTargetRefusal(
  url: string,
  env: Record<string, string | undefined>,
  resolve: (host: string) => Promise<string[]> = resolveHost,
): Promise<string | null> {
  if (privateTargetsAllowed(env)) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    return `not sent: ${host} does not resolve (${(error as { code?: string }).code ?? "lookup failed"})`;
  }
  const inside = addresses.find(isPrivateAddress);
  if (inside === undefined) return null;
  const where = inside === host ? `${host} is an address` : `${host} resolves to ${inside}, an address`;
  return `not sent: ${where} inside a private network; WEBHOOK_PRIVATE_TARGETS=allow lets a deployment deliver there`;
}
