import { z } from "zod";
import { isPathGlob, unsafeGlobReason } from "../artefacts/components-match";

/**
 * An item's components as people write them: each a path glob (`vm/devices/net/**`), a Cargo
 * package or a crash module — one token, no spaces. A path glob that could make matching slow is
 * refused with the reason ({@link unsafeGlobReason}). Repeats are dropped, the order kept.
 */
export const componentsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(300, "must be at most 300 characters")
      .regex(/^[^\s\p{Cc}]+$/u, "must be one path glob or name, without spaces")
      .superRefine((entry, ctx) => {
        const reason = isPathGlob(entry) ? unsafeGlobReason(entry) : null;
        if (reason !== null) ctx.addIssue({ code: "custom", message: reason });
      }),
  )
  .max(200, "must list at most 200 components")
  .transform((list) => [...new Set(list)]);

/** The components field of a form: one per line or separated by commas. */
export function componentsFromText(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
