"use server";

import { revalidatePath } from "next/cache";
import { refuseWrongArguments } from "@/app/_lib/action-args";
import { runAction, type ActionState } from "@/app/_lib/action-state";
import { requireActionPermission } from "@/app/_lib/auth";
import { getDb } from "@/db/get-db";
import { addDependency, removeDependency } from "@/db/mutations/change-dependency";
import { editItem } from "@/db/mutations/edit-item";
import { recordTransition } from "@/db/mutations/record-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import type { TransitionInput } from "@/lib/validations/transition-input";

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const pathOf = (slug: string, key: string) => `/programs/${slug}/items/${encodeURIComponent(key)}`;

/** Evidence rows arrive as parallel fields evidenceKind / evidenceUrl / evidenceSummary / evidenceFleet. */
function evidenceFrom(form: FormData): TransitionInput["evidence"] {
  const kinds = form.getAll("evidenceKind").map(String);
  const urls = form.getAll("evidenceUrl").map(String);
  const summaries = form.getAll("evidenceSummary").map(String);
  const fleets = form.getAll("evidenceFleet").map(String);
  return kinds
    .map((kind, i) => ({ kind, url: (urls[i] ?? "").trim(), summary: (summaries[i] ?? "").trim(), fleet: (fleets[i] ?? "").trim() }))
    .filter((e) => e.url !== "")
    .map((e) => ({
      kind: e.kind as never,
      url: e.url,
      summary: e.summary,
      ...(e.fleet !== "" ? { fleetPercent: Number(e.fleet) } : {}),
    }));
}

export async function reportTransitionAction(slug: string, key: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form, slug, key);
  if (wrong) return wrong;
  const state = await runAction(async () => {
    const actor = await requireActionPermission("report");
    const effectiveAt = text(form, "effectiveAt");
    recordTransition(getDb(), {
      slug,
      key,
      input: { to: text(form, "to"), evidence: evidenceFrom(form), note: text(form, "note"), ...(effectiveAt ? { effectiveAt } : {}) },
      actor,
    });
  }, "Transition recorded. It counts toward the true status once a second person verifies it.");
  if (state.status === "ok") revalidatePath(pathOf(slug, key));
  return state;
}

export async function verifyTransitionAction(slug: string, key: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form, slug, key);
  if (wrong) return wrong;
  const state = await runAction(async () => {
    const actor = await requireActionPermission("verify");
    verifyTransition(getDb(), { slug, transitionId: Number(form.get("transitionId")), input: { note: text(form, "note") }, actor });
  }, "Verified.");
  if (state.status === "ok") revalidatePath(pathOf(slug, key));
  return state;
}

const EDIT_FIELDS = ["title", "description", "area", "owner", "team", "estimateWeeks", "targetDate"] as const;

export async function editItemAction(slug: string, key: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form, slug, key);
  if (wrong) return wrong;
  const values = Object.fromEntries(EDIT_FIELDS.map((f) => [f, text(form, f)]));
  const state = await runAction(
    async () => {
      const actor = await requireActionPermission("report");
      editItem(getDb(), {
        slug,
        key,
        input: {
          title: values.title,
          description: values.description,
          area: values.area,
          owner: values.owner === "" ? null : values.owner,
          team: values.team,
          estimateWeeks: Number(values.estimateWeeks),
          targetDate: values.targetDate === "" ? null : values.targetDate,
        },
        expectedVersion: Number(form.get("version")),
        actor,
      });
    },
    "Saved.",
    values,
  );
  if (state.status === "ok") revalidatePath(pathOf(slug, key));
  return state;
}

export async function addDependencyAction(slug: string, key: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form, slug, key);
  if (wrong) return wrong;
  const state = await runAction(async () => {
    const actor = await requireActionPermission("report");
    addDependency(getDb(), { slug, key, input: { dependsOn: text(form, "dependsOn") }, actor });
  }, "Dependency added.");
  if (state.status === "ok") revalidatePath(pathOf(slug, key));
  return state;
}

export async function removeDependencyAction(slug: string, key: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form, slug, key);
  if (wrong) return wrong;
  const state = await runAction(async () => {
    const actor = await requireActionPermission("report");
    removeDependency(getDb(), { slug, key, dependsOn: text(form, "dependsOn"), actor });
  }, "Dependency removed.");
  if (state.status === "ok") revalidatePath(pathOf(slug, key));
  return state;
}
