import { FIELD_LABELS } from "./labels";

/**
 * The words a form shows for the fields a refusal names: the API says `effectiveAt`, a person reads
 * "Effective date", as the form's own label says. A path of a nested field names its row
 * ("evidence.0.url" → "Evidence 1, URL"); a name not listed is spelled out ("minCoverage" → "Min coverage").
 */
const WORDS: Record<string, string> = {
  // The item's fields as every table heads them; then the forms' own.
  ...FIELD_LABELS,
  effectiveAt: "Effective date",
  to: "New status",
  note: "Note",
  reason: "Reason",
  password: "New password",
  confirm: "Repeat the new password",
  current: "Your password",
  slug: "Slug",
  name: "Name",
  email: "E-mail",
  role: "Role",
  dependsOn: "Depends on",
  body: "Comment",
  url: "URL",
  sourceUrl: "Source URL",
  speaker: "Speaker",
  venue: "Venue",
  quote: "Short quote",
  evidence: "Evidence",
  artefact: "File",
  kind: "Kind",
  summary: "Summary",
  asOf: "As of",
  knownAt: "Known at",
  limit: "Page size",
  offset: "Items to skip",
};

const spelledOut = (name: string) => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A field's path in words: "effectiveAt" → "Effective date", "evidence.0.url" → "Evidence 1, URL". */
export function fieldWords(path: string): string {
  const parts = path.split(".").filter((p) => p !== "");
  if (parts.length === 0) return "The form";
  const out: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part) && out.length > 0) out[out.length - 1] += ` ${Number(part) + 1}`;
    else out.push(WORDS[part] ?? (out.length === 0 ? spelledOut(part) : spelledOut(part).toLowerCase()));
  }
  return out.join(", ");
}

/** A refusal's broken rules in the words of the form: "Effective date: must not be in the future". */
export function fieldErrorsInWords(errors: readonly { path: string; message: string }[]): string {
  return errors.map((e) => `${fieldWords(e.path)}: ${e.message.replace(/[.…]+$/, "")}`).join("; ");
}
