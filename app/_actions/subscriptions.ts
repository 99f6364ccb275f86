"use server";

import { headers } from "next/headers";
import { defineFormAction, formText } from "@/app/_lib/define-form-action";
import { addSubscription, removeSubscription, setSubscriptionEnabled } from "@/db/mutations/manage-subscriptions";
import { rotateFeedToken } from "@/db/mutations/rotate-feed-token";
import { feedUrl } from "@/lib/delivery/feed-url";
import { appOrigin } from "@/lib/http/app-origin";

const settings = ([slug]: [string]) => `/programs/${slug}/settings`;

/** Adds an e-mail or webhook subscription; a webhook's signing secret is shown once. */
export const addSubscriptionAction = defineFormAction({
  args: ["slug"],
  permission: "admin",
  keep: ["kind", "target"],
  input: (form) => ({ kind: formText(form, "kind"), target: formText(form, "target") }),
  run: async ({ db, actor, input, args: [slug] }) => await addSubscription(db, { slug, input, actor: actor.email }),
  success: ({ result }) =>
    result.secret
      ? `Added #${result.id}: ${result.target}. Its signing secret is below, shown this once: give it to the receiver now.`
      : `Added #${result.id}: ${result.target}.`,
  reveal: (result) => result.secret ?? "",
  revalidate: settings,
});

/** Turns a subscription on or off. */
export const setSubscriptionEnabledAction = defineFormAction({
  args: ["slug"],
  permission: "admin",
  input: (form) => ({ id: formText(form, "id"), enabled: formText(form, "enabled") === "true", version: Number(formText(form, "version")) }),
  run: async ({ db, actor, input, args: [slug] }) =>
    await setSubscriptionEnabled(db, { slug, id: input.id, input: { enabled: input.enabled }, expectedVersion: input.version, actor: actor.email }),
  success: ({ result }) => `#${result.id} ${result.enabled ? "enabled" : "disabled"}.`,
  revalidate: settings,
});

/** Removes a subscription; its secret is forgotten at once. */
export const removeSubscriptionAction = defineFormAction({
  args: ["slug"],
  permission: "admin",
  input: (form) => formText(form, "id"),
  run: async ({ db, actor, input: id, args: [slug] }) => await removeSubscription(db, { slug, id, actor: actor.email }),
  success: ({ result }) => `Removed #${result.id}: ${result.target}.`,
  revalidate: settings,
});

/** A new feed token: the feed URL with it is shown once, and the previous URL stops at once. */
export const rotateFeedTokenAction = defineFormAction({
  args: ["slug"],
  permission: "admin",
  input: () => null,
  run: async ({ db, actor, args: [slug] }) => ({ ...await rotateFeedToken(db, { slug, actor: actor.email }), slug, origin: appOrigin(await headers()) }),
  success: "New feed address below, shown this once; the previous address stopped working.",
  reveal: (result) => feedUrl(result.origin, result.slug, result.token),
  revalidate: settings,
});
