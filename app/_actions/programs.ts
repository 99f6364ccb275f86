"use server";

import { defineFormAction, formText } from "@/app/_lib/define-form-action";
import { createProgram, editProgram } from "@/db/mutations/manage-program";

const CREATE_FIELDS = ["slug", "name", "description", "targetDate", "factsUntil"] as const;

export const createProgramAction = defineFormAction({
  args: [],
  permission: "admin",
  keep: CREATE_FIELDS,
  input: (form) => ({
    slug: formText(form, "slug"),
    name: formText(form, "name"),
    description: formText(form, "description"),
    targetDate: formText(form, "targetDate") || null,
    factsUntil: formText(form, "factsUntil") || null,
  }),
  run: async ({ db, actor, input }) => await createProgram(db, { input, actor }),
  success: "Program created.",
  redirect: ({ input }) => `/programs/${input.slug}`,
});

const EDIT_FIELDS = ["name", "description", "targetDate", "factsUntil", "testCoveragePct", "unvettedCrates", "crashOwnerRegistered"] as const;

export const editProgramAction = defineFormAction({
  args: ["slug"],
  permission: "admin",
  keep: EDIT_FIELDS,
  input: (form) => ({
    fields: {
      name: formText(form, "name"),
      description: formText(form, "description"),
      targetDate: formText(form, "targetDate") || null,
      factsUntil: formText(form, "factsUntil") || null,
      thresholds: {
        testCoveragePct: Number(formText(form, "testCoveragePct")),
        unvettedCrates: Number(formText(form, "unvettedCrates")),
        crashOwnerRegistered: form.get("crashOwnerRegistered") === "on",
      },
    },
    expectedVersion: Number(form.get("version")),
  }),
  run: async ({ db, actor, input: { fields, expectedVersion }, args: [slug] }) => await editProgram(db, { slug, input: fields, expectedVersion, actor }),
  success: "Saved.",
  revalidate: ([slug]) => [`/programs/${slug}`, "layout"],
});
