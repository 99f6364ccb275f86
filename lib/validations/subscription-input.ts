import { z } from "zod";

/** Who hears of a published week: an e-mail address, or a webhook in one of three formats. */
export const SUBSCRIPTION_KINDS = ["email", "webhook", "slack", "teams"] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];
export const WEBHOOK_KINDS = ["webhook", "slack", "teams"] as const satisfies readonly SubscriptionKind[];
export const isWebhookKind = (kind: SubscriptionKind): boolean => kind !== "email";

const MAX_URL = 2000;

/**
 * Why a webhook address is refused, or null. Only http(s), with a host, and no user name or
 * password in it: a credential in a URL would be shown and logged wherever the URL is.
 */
export function webhookUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "must be an http(s) URL such as https://hooks.example.com/tracker";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must start with https:// or http://";
  if (url.username !== "" || url.password !== "") return "must not hold a user name or password (user:pass@): the tracker signs each request instead";
  if (url.hostname === "") return "must name a host";
  if (url.hash !== "") return "must not hold a #fragment (it is never sent)";
  return null;
}

/** Body of `POST /api/programs/{slug}/subscriptions` and of the admin's form. */
export const subscriptionInputSchema = z
  .object({
    kind: z.enum(SUBSCRIPTION_KINDS, { error: () => `must be one of ${SUBSCRIPTION_KINDS.join(", ")}` }),
    target: z.string({ error: () => "must be an e-mail address or a URL" }).trim().min(1, "must not be empty").max(MAX_URL),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === "email") {
      if (!z.email().max(254).safeParse(v.target).success) ctx.addIssue({ code: "custom", path: ["target"], message: "must be an e-mail address" });
      return;
    }
    const problem = webhookUrlProblem(v.target);
    if (problem) ctx.addIssue({ code: "custom", path: ["target"], message: problem });
  })
  .transform((v) => ({ kind: v.kind, target: v.kind === "email" ? v.target.toLowerCase() : new URL(v.target).toString() }));
export type SubscriptionInput = z.output<typeof subscriptionInputSchema>;

/** Body of `PATCH /api/programs/{slug}/subscriptions/{id}`: whether it is enabled, with the version read (or If-Match). */
export const subscriptionEditSchema = z
  .object({ enabled: z.boolean({ error: () => "must be true or false" }), version: z.number().int().positive().optional() })
  .strict();

/** Body of `POST /api/programs/{slug}/feed`: a new token (the old one stops), or no token at all (the feed is off). */
export const feedInputSchema = z.object({ token: z.enum(["rotate", "none"], { error: () => 'must be "rotate" or "none"' }) }).strict();

/** A subscription id in a path or a form: digits only ("#3" and " 3" are not ids), a positive safe integer. */
export const subscriptionIdSchema = z
  .union([z.number(), z.string().regex(/^[0-9]{1,15}$/, "must be a subscription number")], { error: () => "must be a subscription number" })
  .transform(Number)
  .pipe(z.number().int("must be a subscription number").positive("must be a subscription number").max(Number.MAX_SAFE_INTEGER, "must be a subscription number"));
