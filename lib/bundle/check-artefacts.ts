import { createHash } from "node:crypto";
import type { FieldError } from "../errors";
import type { NormalizedBundle } from "./normalized-bundle";

/**
 * The files a bundle carries are what they claim: each one's bytes have its digest, and evidence
 * naming a carried file gives its true size. A digest the bundle does not carry is checked against
 * the target database on import.
 */
export function checkArtefacts(b: NormalizedBundle): FieldError[] {
  const errors: FieldError[] = [];
  const sizes = new Map<string, number>();
  b.artefacts.forEach((a, i) => {
    const bytes = Buffer.from(a.contentBase64, "base64");
    if (createHash("sha256").update(bytes).digest("hex") !== a.sha256)
      errors.push({ path: `artefacts[${i}].contentBase64`, message: `its bytes do not have the digest ${a.sha256}` });
    sizes.set(a.sha256, bytes.length);
  });
  b.transitions.forEach((t, i) =>
    t.evidence.forEach((e, j) => {
      const size = e.artefact ? sizes.get(e.artefact.sha256) : undefined;
      if (size !== undefined && size !== e.artefact!.size)
        errors.push({ path: `transitions[${i}].evidence[${j}].artefact.size`, message: `the file ${e.artefact!.sha256} is ${size} bytes, not ${e.artefact!.size}` });
    }),
  );
  return errors;
}
