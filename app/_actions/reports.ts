"use server";

import { headers } from "next/headers";
import { defineFormAction, formText } from "@/app/_lib/define-form-action";
import { sendAfterAnswer, sendAfterPublication } from "@/app/_lib/send-after";
import { publishReport } from "@/db/mutations/publish-report";
import { appOrigin } from "@/lib/http/app-origin";

const sendingSentence = (n: number, error: string | null) =>
  error ? ` Sending could not start (${error}): send it again from Settings.` : n === 0 ? "" : ` Sending to ${n} subscription${n === 1 ? "" : "s"}: the delivery log in Settings shows each attempt.`;

/**
 * Publishes a week from the Reports page or the week's preview (admin); the same mutation as the API and the CLI. The
 * subscriptions are sent to after the publication has committed, never inside it.
 */
export const publishWeekAction = defineFormAction({
  args: ["slug", "week"],
  permission: "admin",
  input: () => null,
  run: async ({ db, actor, args: [slug, week] }) => {
    const published = await publishReport(db, { slug, week, publisher: { id: actor.id, label: actor.email, name: actor.name } });
    const sending = await sendAfterPublication(db, { slug, week: published.week, requestedBy: actor.email, origin: appOrigin(await headers()) });
    return { ...published, sending };
  },
  success: ({ args: [, week], result }) =>
    `Published ${week} (sha256 ${result.sha256.slice(0, 12)}…).${sendingSentence(result.sending.deliveries.length, result.sending.error)}`,
  // The list and every week's preview under it show the publication.
  revalidate: ([slug]) => [`/programs/${slug}/reports`, "layout"],
});

/** Sends a published week again to every enabled subscription (admin). */
export const sendAgainAction = defineFormAction({
  args: ["slug"],
  permission: "admin",
  keep: ["week"],
  input: (form) => formText(form, "week"),
  run: async ({ db, actor, input: week, args: [slug] }) =>
    await sendAfterAnswer(db, { slug, week, trigger: "resend", requestedBy: actor.email, origin: appOrigin(await headers()) }),
  success: ({ result }) =>
    result.deliveries.length === 0
      ? `${result.week} is published, but no subscription is enabled: nothing was sent.`
      : `Sending ${result.week} again to ${result.deliveries.length} subscription${result.deliveries.length === 1 ? "" : "s"}: reload to follow the attempts below.`,
  revalidate: ([slug]) => `/programs/${slug}/settings`,
});
