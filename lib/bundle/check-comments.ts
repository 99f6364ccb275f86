import type { FieldError } from "../errors";
import type { ParsedBundle } from "./bundle-schema";
import type { NormalizedBundle } from "./normalized-bundle";

/**
 * DESIGN §13 in a bundle: each comment is on one known item or claim, by a person of the bundle;
 * it has its text unless deleted (then none); an edit or deletion comes after what it changes.
 * Times in the future are checked with every other time of the bundle.
 */
export function checkComments(parsed: ParsedBundle, b: NormalizedBundle): FieldError[] {
  const people = new Set(b.people.map((p) => p.email));
  const keys = new Set(b.items.map((i) => i.key));
  const claimIds = new Set(b.claims.map((c) => c.id));
  const errors: FieldError[] = [];
  parsed.comments.forEach((raw, i) => {
    const c = b.comments[i]!;
    const at = (field: string) => `comments[${i}].${field}`;
    if ((raw.item === undefined) === (raw.claim === undefined))
      errors.push({ path: at("item"), message: "a comment is on one item or one claim: give item or claim, not both or neither" });
    else if (c.item !== null && !keys.has(c.item)) errors.push({ path: at("item"), message: `unknown item key "${c.item}"` });
    else if (c.claim !== null && !claimIds.has(c.claim)) errors.push({ path: at("claim"), message: `unknown claim id "${c.claim}"` });
    if (!people.has(c.by)) errors.push({ path: at("by"), message: `unknown person "${c.by}" (not in people)` });
    if (c.deletedAt === null && c.body === "") errors.push({ path: at("body"), message: "a comment needs its text (only a deleted comment has none)" });
    if (c.deletedAt !== null && c.body !== "")
      errors.push({ path: at("body"), message: "a deleted comment has no text: drop body, or deletedAt if it was not deleted" });
    if (c.editedAt !== null && c.editedAt < c.createdAt) errors.push({ path: at("editedAt"), message: "a comment cannot be edited before it was written (createdAt)" });
    if (c.deletedAt !== null && c.deletedAt < Math.max(c.createdAt, c.editedAt ?? c.createdAt))
      errors.push({ path: at("deletedAt"), message: "a comment cannot be deleted before it was written or last edited" });
  });
  return errors;
}
