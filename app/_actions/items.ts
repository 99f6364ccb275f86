"use server";

import { statusLabel } from "@/lib/labels";
import { defineFormAction, formText } from "@/app/_lib/define-form-action";
import { addDependency, removeDependency } from "@/db/mutations/change-dependency";
import { createItem } from "@/db/mutations/create-item";
import { editItem } from "@/db/mutations/edit-item";
import { recordTransition } from "@/db/mutations/record-transition";
import { rejectTransition } from "@/db/mutations/reject-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { ARTEFACT_MAX_BYTES } from "@/lib/artefacts/artefact-types";
import type { ActionState } from "@/components/ui/action-state";
import { AppError } from "@/lib/errors";
import { componentsFromText } from "@/lib/validations/components-input";

const ITEM = ["slug", "key"] as const;
const itemPath = ([slug, key]: [string, string]) => `/programs/${slug}/items/${encodeURIComponent(key)}`;

const NEW_ITEM_FIELDS = ["key", "title", "area", "owner", "team", "estimateWeeks", "identifiedAt", "targetDate", "description"] as const;

/** An admin adds an item to the program; its page opens, where its first report and dependencies go. */
export const createItemAction = defineFormAction({
  args: ["slug"],
  permission: "admin",
  keep: NEW_ITEM_FIELDS,
  input: (form) => {
    const identifiedAt = formText(form, "identifiedAt");
    const estimate = formText(form, "estimateWeeks");
    return {
      key: formText(form, "key"),
      title: formText(form, "title"),
      area: formText(form, "area"),
      owner: formText(form, "owner") || null,
      team: formText(form, "team"),
      // An empty or non-numeric box reaches the rule as "not a number", which says it in words.
      estimateWeeks: estimate === "" ? undefined : Number(estimate),
      ...(identifiedAt ? { identifiedAt } : {}),
      targetDate: formText(form, "targetDate") || null,
      description: formText(form, "description"),
    };
  },
  run: async ({ db, actor, input, args: [slug] }) => await createItem(db, { slug, input, actor }),
  success: ({ input }) => `${input.key} added.`,
  redirect: ({ args: [slug], input }) => `/programs/${slug}/items/${encodeURIComponent(input.key)}`,
});

/**
 * Evidence rows arrive as parallel fields evidenceKind / evidenceUrl / evidenceSummary / evidenceFleet
 * / evidenceFile. A browser sends an empty part for a file input left alone, so an empty file counts
 * as none. A row counts once it has a URL or a file.
 */
function evidenceFrom(form: FormData) {
  const kinds = form.getAll("evidenceKind").map(String);
  const urls = form.getAll("evidenceUrl").map(String);
  const summaries = form.getAll("evidenceSummary").map(String);
  const fleets = form.getAll("evidenceFleet").map(String);
  const files = form.getAll("evidenceFile").map((f) => (f instanceof File && f.size > 0 ? f : null));
  return kinds
    .map((kind, i) => ({ kind, url: (urls[i] ?? "").trim(), summary: (summaries[i] ?? "").trim(), fleet: (fleets[i] ?? "").trim(), file: files[i] ?? null }))
    .filter((e) => e.url !== "" || e.file !== null)
    .map((e) => ({ kind: e.kind, url: e.url, summary: e.summary, file: e.file, ...(e.fleet !== "" ? { fleetPercent: Number(e.fleet) } : {}) }));
}

/** The chosen files' bytes as the API takes them (base64: any file, not only text); one over 10 MiB is refused in words. */
async function withFiles(evidence: ReturnType<typeof evidenceFrom>) {
  return Promise.all(
    evidence.map(async ({ file, ...e }) => {
      if (!file) return e;
      if (file.size > ARTEFACT_MAX_BYTES)
        throw new AppError("too_large", `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MiB: a file attached to evidence may be at most 10 MiB`);
      return { ...e, artefact: { name: file.name, contentBase64: Buffer.from(await file.arrayBuffer()).toString("base64") } };
    }),
  );
}

export const reportTransitionAction = defineFormAction({
  args: ITEM,
  permission: "report",
  keep: ["to", "effectiveAt", "note"],
  keepAll: ["evidenceKind", "evidenceUrl", "evidenceSummary", "evidenceFleet"],
  input: (form) => {
    const effectiveAt = formText(form, "effectiveAt");
    return { to: formText(form, "to"), evidence: evidenceFrom(form), note: formText(form, "note"), ...(effectiveAt ? { effectiveAt } : {}) };
  },
  run: async ({ db, actor, input, args: [slug, key] }) =>
    await recordTransition(db, { slug, key, input: { ...input, evidence: await withFiles(input.evidence) }, actor }),
  success: ({ args: [, key], result }) => `${key} → ${statusLabel(result.to)} recorded, awaiting verification by a second person.`,
  revalidate: itemPath,
});

/** What the review form shows again after a refusal: the note and the reason as typed. */
const REVIEW_FIELDS = ["note", "reason"] as const;

export const verifyTransitionAction = defineFormAction({
  args: ITEM,
  permission: "verify",
  keep: REVIEW_FIELDS,
  input: (form) => ({ transitionId: Number(form.get("transitionId")), note: formText(form, "note") }),
  run: async ({ db, actor, input: { transitionId, note }, args: [slug] }) => await verifyTransition(db, { slug, transitionId, input: { note }, actor }),
  success: "Verified.",
  revalidate: itemPath,
});

export const rejectTransitionAction = defineFormAction({
  args: ITEM,
  permission: "verify",
  keep: REVIEW_FIELDS,
  input: (form) => ({ transitionId: Number(form.get("transitionId")), reason: formText(form, "reason") }),
  run: async ({ db, actor, input: { transitionId, reason }, args: [slug, key] }) => await rejectTransition(db, { slug, key, transitionId, input: { reason }, actor }),
  success: "Rejected. The reporter sees your reason on the item; the transition never counts toward the true status.",
  revalidate: itemPath,
});

/**
 * The review form's one action: its Verify and Reject buttons name the decision (the submitter's
 * `decision` field), so the form is posted to one server action, which a browser without
 * JavaScript can do too.
 */
export async function decideTransitionAction(slug: string, key: string, state: ActionState, form: FormData): Promise<ActionState> {
  const reject = form instanceof FormData && form.get("decision") === "reject";
  return await (reject ? rejectTransitionAction : verifyTransitionAction)(slug, key, state, form);
}

const EDIT_FIELDS = ["title", "description", "area", "owner", "team", "estimateWeeks", "targetDate", "components"] as const;

export const editItemAction = defineFormAction({
  args: ITEM,
  permission: "report",
  keep: EDIT_FIELDS,
  input: (form) => {
    const v = Object.fromEntries(EDIT_FIELDS.map((f) => [f, formText(form, f)])) as Record<(typeof EDIT_FIELDS)[number], string>;
    return {
      fields: {
        title: v.title,
        description: v.description,
        area: v.area,
        owner: v.owner === "" ? null : v.owner,
        team: v.team,
        estimateWeeks: Number(v.estimateWeeks),
        targetDate: v.targetDate === "" ? null : v.targetDate,
        components: componentsFromText(v.components),
      },
      expectedVersion: Number(form.get("version")),
    };
  },
  run: async ({ db, actor, input: { fields, expectedVersion }, args: [slug, key] }) => await editItem(db, { slug, key, input: fields, expectedVersion, actor }),
  success: "Saved.",
  revalidate: itemPath,
});

export const addDependencyAction = defineFormAction({
  args: ITEM,
  permission: "report",
  keep: ["dependsOn"],
  input: (form) => ({ dependsOn: formText(form, "dependsOn") }),
  run: async ({ db, actor, input, args: [slug, key] }) => await addDependency(db, { slug, key, input, actor }),
  success: "Dependency added.",
  revalidate: itemPath,
});

export const removeDependencyAction = defineFormAction({
  args: ITEM,
  permission: "report",
  input: (form) => formText(form, "dependsOn"),
  run: async ({ db, actor, input: dependsOn, args: [slug, key] }) => await removeDependency(db, { slug, key, dependsOn, actor }),
  success: "Dependency removed.",
  revalidate: itemPath,
});
