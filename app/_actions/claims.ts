"use server";

import { defineFormAction, formText } from "@/app/_lib/define-form-action";
import { createClaim, editClaim } from "@/db/mutations/manage-claim";

const FIELDS = ["id", "date", "datePrecision", "dateNote", "speaker", "venue", "quote", "url", "kind", "implies"] as const;
const KEEP = [...FIELDS, "quoteIsParaphrase"];
const KEEP_ALL = ["linkItem", "linkRequires"];

/** The claim as the form sends it; links arrive as parallel fields linkItem / linkRequires. */
function claimFrom(form: FormData) {
  const v = Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])) as Record<(typeof FIELDS)[number], string>;
  const items = form.getAll("linkItem").map(String);
  const requires = form.getAll("linkRequires").map(String);
  return {
    id: v.id,
    date: v.date,
    datePrecision: v.datePrecision || "day",
    dateNote: v.dateNote,
    speaker: v.speaker,
    venue: v.venue,
    quote: v.quote,
    quoteIsParaphrase: form.get("quoteIsParaphrase") === "on",
    url: v.url,
    kind: v.kind,
    implies: v.implies,
    links: items.map((item, i) => ({ item: item.trim(), requires: requires[i] ?? "" })).filter((l) => l.item !== ""),
  };
}

export const createClaimAction = defineFormAction({
  args: ["slug"],
  permission: "admin",
  keep: KEEP,
  keepAll: KEEP_ALL,
  input: claimFrom,
  run: async ({ db, actor, input, args: [slug] }) => await createClaim(db, { slug, input, actor }),
  success: ({ input }) => `Claim "${input.id}" recorded; its verdicts are below.`,
  revalidate: ([slug]) => `/programs/${slug}/claims`,
});

export const editClaimAction = defineFormAction({
  args: ["slug", "id"],
  permission: "admin",
  keep: KEEP,
  keepAll: KEEP_ALL,
  input: (form, [, id]) => ({ claim: { ...claimFrom(form), id }, expectedVersion: Number(form.get("version")) }),
  run: async ({ db, actor, input: { claim, expectedVersion }, args: [slug, id] }) =>
    await editClaim(db, { slug, claimKey: id, input: claim, expectedVersion, actor }),
  success: "Claim saved.",
  revalidate: ([slug]) => [`/programs/${slug}/claims`, "layout"],
});
