"use server";

import { defineFormAction } from "@/app/_lib/define-form-action";
import { publishReport } from "@/db/mutations/publish-report";

/** Publishes a week from the Reports page or the week's preview (admin); the same mutation as the API and the CLI. */
export const publishWeekAction = defineFormAction({
  args: ["slug", "week"],
  permission: "admin",
  input: () => null,
  run: ({ db, actor, args: [slug, week] }) => publishReport(db, { slug, week, publisher: { id: actor.id, label: actor.email, name: actor.name } }),
  success: ({ args: [, week], result }) => `Published ${week} (sha256 ${result.sha256.slice(0, 12)}…).`,
  // The list and every week's preview under it show the publication.
  revalidate: ([slug]) => [`/programs/${slug}/reports`, "layout"],
});
