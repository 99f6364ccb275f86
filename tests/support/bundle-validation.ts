import { validateBundle, type BundleValidation } from "@/lib/bundle/validate-bundle";
import type { NormalizedBundle } from "@/lib/bundle/normalized-bundle";

/** The normalized bundle `raw` validates to; a refusal fails the test and names every error. */
export function validBundle(raw: unknown): NormalizedBundle {
  const result = validateBundle(raw);
  if (!result.ok) throw new Error(`expected the bundle to validate, but it was refused: ${JSON.stringify(result.errors)}`);
  return result.bundle;
}

/** The refusal of a bundle that must be refused (its kind and errors by path); a valid bundle fails the test. */
export function bundleRefusal(raw: unknown): Extract<BundleValidation, { ok: false }> {
  const result = validateBundle(raw);
  if (result.ok) throw new Error("expected the bundle to be refused, but it validated");
  return result;
}
