import { z } from "zod";

/**
 * Body of `POST /api/programs/{slug}/reports/{week}/publish` and `…/send`: nothing — no body, or
 * `{}`. Both act on the week in the path alone, so a field a caller expects to mean something (a
 * recipient, a dry run) is refused instead of being ignored while the week goes out.
 */
export const reportActionInputSchema = z.strictObject({}, { error: (issue) => (issue.code === "unrecognized_keys" ? "takes no fields: send no body, or {}" : "must be an empty JSON object, or no body") });
