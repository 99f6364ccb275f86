import type { z } from "zod";
import { AppError, formatPath } from "../errors";
import { NUL_MESSAGE, pathsWithNul } from "./nul-free";

/**
 * Parses input with a zod schema or throws an `invalid` AppError listing `{path, message}`. Text
 * with a NUL character is refused whatever the schema says (no database column may hold one).
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what = "input"): z.output<T> {
  const result = schema.safeParse(input);
  const issues = result.success ? [] : result.error.issues.map((i) => ({ path: formatPath(i.path) || "(body)", message: i.message }));
  const nul = pathsWithNul(result.success ? result.data : input).map((p) => ({ path: formatPath(p) || "(body)", message: NUL_MESSAGE }));
  if (result.success && nul.length === 0) return result.data;
  throw new AppError("invalid", `invalid ${what}`, [...issues, ...nul.filter((n) => !issues.some((i) => i.path === n.path))]);
}
