import type { SubscriptionKind } from "../validations/subscription-input";

/**
 * A subscription's target as it may be shown and logged. An e-mail address as it is. A webhook
 * URL only by its origin and last four characters: Slack and Teams incoming-webhook URLs are
 * themselves credentials (anyone holding one can post to the channel), so the full URL is kept
 * for sending and never handed out again.
 */
export function maskTarget(kind: SubscriptionKind, target: string): string {
  if (kind === "email") return target;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return "(not a URL)";
  }
  const rest = `${url.pathname}${url.search}`;
  if (rest === "/" || rest === "") return url.origin;
  return rest.length <= 4 ? `${url.origin}${rest}` : `${url.origin}/…${rest.slice(-4)}`;
}
