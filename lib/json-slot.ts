// A string no JSON text of the app's data holds twice: a NUL cannot be typed into a form, and the
// fill refuses a text where the slot is not found exactly once.
const SLOT = "\u0000json-slot\u0000";
const QUOTED_SLOT = JSON.stringify(SLOT);
const utf8 = new TextEncoder();

/** A placeholder to put where fillJsonSlotBytes will write a piece of JSON encoded before. */
export const JSON_SLOT = SLOT;

/** The text before and after the one slot in `text`, or null. */
function aroundSlot(text: string): [string, string] | null {
  const at = text.indexOf(QUOTED_SLOT);
  if (at < 0 || text.indexOf(QUOTED_SLOT, at + QUOTED_SLOT.length) >= 0) return null;
  return [text.slice(0, at), text.slice(at + QUOTED_SLOT.length)];
}

/**
 * `text` (a JSON.stringify output holding JSON_SLOT once) as UTF-8 chunks with the slot replaced by
 * a piece of JSON encoded before: the text before the slot, the piece's chunks (shared by every
 * answer that carries them), the text after; null when the slot is not there exactly once. At
 * 10,000 items serialising and encoding megabytes again on every request costs more than
 * computing the answer.
 */
export function fillJsonSlotBytes(text: string, piece: readonly Uint8Array[]): Uint8Array[] | null {
  const around = aroundSlot(text);
  return around && [utf8.encode(around[0]), ...piece, utf8.encode(around[1])];
}

/** The UTF-8 bytes of a text. */
export const utf8Bytes = (text: string): Uint8Array => utf8.encode(text);

/** The text of UTF-8 chunks. */
export function textOfChunks(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((c) => decoder.decode(c, { stream: true })).join("") + decoder.decode();
}
