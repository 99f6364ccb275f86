"use server";

import { revalidatePath } from "next/cache";
import { refuseWrongArguments } from "@/app/_lib/action-args";
import { runAction, type ActionState } from "@/app/_lib/action-state";
import { requireActionPermission } from "@/app/_lib/auth";
import { getDb } from "@/db/get-db";
import { publishReport } from "@/db/mutations/publish-report";

/** Publishes a week from the Reports page (admin); the same mutation as the API and the CLI. */
export async function publishWeekAction(slug: string, week: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form, slug, week);
  if (wrong) return wrong;
  let sha256 = "";
  const state = await runAction(async () => {
    const actor = await requireActionPermission("admin");
    sha256 = publishReport(getDb(), { slug, week, publisher: { id: actor.id, label: actor.email } }).sha256;
  }, `Published ${week}.`);
  if (state.status === "ok") {
    revalidatePath(`/programs/${slug}/reports`);
    return { ...state, message: `Published ${week} (sha256 ${sha256.slice(0, 12)}…).` };
  }
  return state;
}
