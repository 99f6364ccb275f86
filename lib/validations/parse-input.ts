import type { z } from "zod";
import { AppError, formatPath } from "../errors";

/** Parses input with a zod schema or throws an `invalid` AppError listing `{path, message}`. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what = "input"): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError(
    "invalid",
    `invalid ${what}`,
    result.error.issues.map((i) => ({ path: formatPath(i.path) || "(body)", message: i.message })),
  );
}
