import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { isPrivateAddress, privateTargetsAllowed } from "@/lib/delivery/private-address";

/** Every address a host name resolves to (an IP literal resolves to itself). */
export const resolveHost = async (host: string): Promise<string[]> => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** The refusal for a host among whose addresses one is inside a private network, or null. */
function privateAddressRefusal(host: string, addresses: string[]): string | null {
  const inside = addresses.find(isPrivateAddress);
  if (inside === undefined) return null;
  const where = inside === host ? `${host} is an address` : `${host} resolves to ${inside}, an address`;
  return `not sent: ${where} inside a private network; WEBHOOK_PRIVATE_TARGETS=allow lets a deployment deliver there`;
}

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
  return privateAddressRefusal(host, addresses);
}

/** A connection refused because the name it was opened for resolved, at that moment, inside a private network. */
export class PrivateTargetError extends Error {
  readonly code = "EPRIVATETARGET";
}

/**
 * The name lookup of every webhook connection: the addresses connected to are the ones checked. A
 * name that answers a public address to the check before an attempt and a private one to the
 * connection itself (DNS rebinding) is refused there, before a byte is sent.
 */
export function checkedLookup(resolve: (host: string) => Promise<string[]> = resolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const refused = privateAddressRefusal(hostname, found);
        if (refused) return callback(new PrivateTargetError(refused), "", 4);
        const wanted = options.family === 4 || options.family === 6 ? found.filter((a) => isIP(a) === options.family) : found;
        const addresses = wanted.map((address) => ({ address, family: isIP(address) }));
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address of the family asked for`), { code: "ENOTFOUND" }), "", 4);
        // Node's net asks for every address (`all`, to try each in turn) or for one.
        if (options.all) (callback as unknown as (e: null, all: typeof addresses) => void)(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}

let defaultAgent: Agent | undefined;

/**
 * The fetch webhook attempts use: every connection through checkedLookup, unless the deployment
 * allows private targets. One connection pool per process for the real resolver; a resolver of a
 * test's own gets its own.
 */
export function webhookFetch(env: Record<string, string | undefined>, resolve?: (host: string) => Promise<string[]>): typeof fetch {
  if (privateTargetsAllowed(env)) return (...args) => fetch(...args);
  const dispatcher = resolve ? new Agent({ connect: { lookup: checkedLookup(resolve) } }) : (defaultAgent ??= new Agent({ connect: { lookup: checkedLookup() } }));
  return ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) => undiciFetch(input, { ...init, dispatcher })) as unknown as typeof fetch;
}
