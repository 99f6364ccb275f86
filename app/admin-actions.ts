"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { refuseWrongArguments } from "@/app/_lib/action-args";
import { runAction, type ActionState } from "@/app/_lib/action-state";
import { requireActionPermission } from "@/app/_lib/auth";
import { getDb } from "@/db/get-db";
import { createProgram, editProgram } from "@/db/mutations/manage-program";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export async function createProgramAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form);
  if (wrong) return wrong;
  const values = { slug: text(form, "slug"), name: text(form, "name"), description: text(form, "description"), targetDate: text(form, "targetDate") };
  const state = await runAction(
    async () => {
      const actor = await requireActionPermission("admin");
      createProgram(getDb(), { input: { ...values, targetDate: values.targetDate || null }, actor });
    },
    "Program created.",
    values,
  );
  if (state.status === "ok") redirect(`/programs/${values.slug}`);
  return state;
}

export async function editProgramAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form, slug);
  if (wrong) return wrong;
  const values = Object.fromEntries(["name", "description", "targetDate", "testCoveragePct", "unvettedCrates"].map((k) => [k, text(form, k)]));
  const state = await runAction(
    async () => {
      const actor = await requireActionPermission("admin");
      editProgram(getDb(), {
        slug,
        input: {
          name: values.name,
          description: values.description,
          targetDate: values.targetDate || null,
          thresholds: {
            testCoveragePct: Number(values.testCoveragePct),
            unvettedCrates: Number(values.unvettedCrates),
            crashOwnerRegistered: form.get("crashOwnerRegistered") === "on",
          },
        },
        expectedVersion: Number(form.get("version")),
        actor,
      });
    },
    "Saved.",
    values,
  );
  if (state.status === "ok") revalidatePath(`/programs/${slug}`, "layout");
  return state;
}
