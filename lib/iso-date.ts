/**
 * A calendar day written `YYYY-MM-DD`, checked without zod so a form's date field stays light.
 * The pattern is the one zod's `z.iso.date()` uses on the server (real days, leap years included);
 * a unit test keeps the two in step. Unanchored, as an HTML `pattern` attribute wants it.
 */
export const ISO_DATE_PATTERN =
  "(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))";

const ISO_DATE = new RegExp(`^${ISO_DATE_PATTERN}$`);
const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** How a date field asks for its value. */
export const ISO_DATE_HINT = "Format YYYY-MM-DD, for example 2024-12-31";

/** Why `text` is not a date YYYY-MM-DD, in words; null when it is one (or is empty: the field may be optional). */
export function isoDateProblem(text: string): string | null {
  const v = text.trim();
  if (v === "" || ISO_DATE.test(v)) return null;
  if (SHAPE.test(v)) return `${v} is not a day of the calendar.`;
  return `"${v.slice(0, 40)}" is not a date: write it as YYYY-MM-DD, for example 2024-12-31.`;
}

/** The start (00:00 UTC) of the day `text` names, or null when it names none. */
export function isoDateStart(text: string): number | null {
  const v = text.trim();
  return ISO_DATE.test(v) ? Date.parse(`${v}T00:00:00.000Z`) : null;
}
