import type { z } from "zod";
import { AppError, formatPath } from "../errors";
import { pathsWithRefusedText } from "./refused-text";

export interface ParseOptions {
  /** Places kept as they are, never shown as text (a file's content): only NUL is refused there. */
  verbatim?: (path: PropertyKey[]) => boolean;
}

/**
 * Parses input with a zod schema or throws an `invalid` AppError listing `{path, message}`. Text
 * holding a character no text may hold (NUL, other controls, bidirectional overrides: see
 * refused-text.ts) is refused whatever the schema says.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what = "input", options: ParseOptions = {}): z.output<T> {
  const result = schema.safeParse(input);
  const issues = result.success ? [] : result.error.issues.map((i) => ({ path: formatPath(i.path) || "(body)", message: i.message }));
  const refused = pathsWithRefusedText(result.success ? result.data : input, options.verbatim).map((r) => ({ path: formatPath(r.path) || "(body)", message: r.message }));
  if (result.success && refused.length === 0) return result.data;
  throw new AppError("invalid", `invalid ${what}`, [...issues, ...refused.filter((n) => !issues.some((i) => i.path === n.path))]);
}
