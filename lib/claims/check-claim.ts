import type { FieldError } from "../errors";

interface ClaimShape {
  date: number;
  links: readonly { item: string }[];
}

/**
 * What is wrong with a claim beyond its shape: a date in the future, links to unknown items,
 * an item linked twice. Paths are relative to the claim (`links[0].item`).
 */
export function claimProblems(claim: ClaimShape, itemKeys: ReadonlySet<string>, now: number): FieldError[] {
  const errors: FieldError[] = [];
  if (claim.date > now) errors.push({ path: "date", message: "must not be in the future" });
  const seen = new Set<string>();
  claim.links.forEach((l, j) => {
    if (!itemKeys.has(l.item)) errors.push({ path: `links[${j}].item`, message: `unknown item key "${l.item}"` });
    else if (seen.has(l.item)) errors.push({ path: `links[${j}].item`, message: `duplicate link to item "${l.item}"` });
    seen.add(l.item);
  });
  return errors;
}
