"use server";

import { revalidatePath } from "next/cache";
import { refuseWrongArguments } from "@/app/_lib/action-args";
import { runAction, type ActionState } from "@/app/_lib/action-state";
import { requireActionPermission } from "@/app/_lib/auth";
import { getDb } from "@/db/get-db";
import { createClaim, editClaim } from "@/db/mutations/manage-claim";
import type { ClaimInput } from "@/lib/bundle/bundle-schema";

const FIELDS = ["id", "date", "datePrecision", "speaker", "venue", "quote", "url", "kind"] as const;

function claimFrom(form: FormData): { input: ClaimInput; values: Record<string, string> } {
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "").trim()]));
  const items = form.getAll("linkItem").map(String);
  const requires = form.getAll("linkRequires").map(String);
  const links = items.map((item, i) => ({ item: item.trim(), requires: requires[i] ?? "" })).filter((l) => l.item !== "");
  return {
    values,
    input: {
      id: values.id!,
      date: values.date!,
      datePrecision: (values.datePrecision || "day") as ClaimInput["datePrecision"],
      speaker: values.speaker!,
      venue: values.venue,
      quote: values.quote!,
      quoteIsParaphrase: form.get("quoteIsParaphrase") === "on",
      url: values.url!,
      kind: values.kind,
      links: links as ClaimInput["links"],
    },
  };
}

export async function createClaimAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form, slug);
  if (wrong) return wrong;
  const { input, values } = claimFrom(form);
  const state = await runAction(
    async () => createClaim(getDb(), { slug, input, actor: await requireActionPermission("admin") }),
    `Claim "${input.id}" recorded; its verdicts are below.`,
    values,
  );
  if (state.status === "ok") revalidatePath(`/programs/${slug}/claims`);
  return state;
}

export async function editClaimAction(slug: string, id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const wrong = refuseWrongArguments(form, slug, id);
  if (wrong) return wrong;
  const { input, values } = claimFrom(form);
  const state = await runAction(
    async () => editClaim(getDb(), { slug, claimKey: id, input: { ...input, id }, expectedVersion: Number(form.get("version")), actor: await requireActionPermission("admin") }),
    "Claim saved.",
    values,
  );
  if (state.status === "ok") revalidatePath(`/programs/${slug}/claims`, "layout");
  return state;
}
