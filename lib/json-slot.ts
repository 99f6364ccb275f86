// A string no JSON text of the app's data holds twice: a NUL cannot be typed into a form, and
// fillJsonSlot refuses a text where the slot is not found exactly once.
const SLOT = "\u0000json-slot\u0000";
const QUOTED_SLOT = JSON.stringify(SLOT);

/** A placeholder to put where fillJsonSlot will write a piece of JSON text serialised before. */
export const JSON_SLOT = SLOT;

/**
 * `text` (a JSON.stringify output holding JSON_SLOT once) with the slot replaced by `json`; null
 * when the slot is not there exactly once. Lets a large piece that did not change (megabytes of
 * quality breaches) be serialised once and reused in every answer that carries it.
 */
export function fillJsonSlot(text: string, json: string): string | null {
  const at = text.indexOf(QUOTED_SLOT);
  if (at < 0 || text.indexOf(QUOTED_SLOT, at + QUOTED_SLOT.length) >= 0) return null;
  return text.slice(0, at) + json + text.slice(at + QUOTED_SLOT.length);
}
