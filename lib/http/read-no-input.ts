import type { z } from "zod";
import { AppError } from "../errors";
import { parseInput } from "../validations/parse-input";
import { mediaType } from "./app-origin";
import { parseJsonText, readText } from "./read-json";

// Room for `{}` and any whitespace around it; nothing an empty input needs comes close.
const LIMIT = 4 * 1024;

/**
 * For a request that takes no input but its path: refuses any query parameter (400), a body that
 * is not JSON (415), and a JSON body `schema` refuses (400) — before anything is written, so a
 * caller who meant something by them learns it was not done as they asked.
 */
export async function readNoInput(request: Request, schema: z.ZodType): Promise<void> {
  const names = [...new Set(new URL(request.url).searchParams.keys())];
  if (names.length > 0)
    throw new AppError(
      "invalid",
      "this request takes no query parameters",
      names.slice(0, 10).map((name) => ({ path: `?${name.slice(0, 64)}`, message: "unknown query parameter" })),
    );
  const text = await readText(request, LIMIT);
  if (text === "") return;
  if (mediaType(request.headers) !== "application/json")
    throw new AppError("unsupported_media_type", "a body must be JSON (Content-Type: application/json), or left out", [{ path: "(body)", message: "send no body, or {} as JSON" }]);
  parseInput(schema, parseJsonText(text), "body");
}
