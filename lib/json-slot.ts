// Strings no JSON text of the app's data holds: a NUL cannot be typed into a form, and the fill
// refuses a text where a slot is not found exactly once.
const slotText = (n: number) => `\u0000json-slot-${n}\u0000`;
const utf8 = new TextEncoder();

/** A placeholder to put where fillJsonSlotBytes will write a piece of JSON encoded before. */
export const JSON_SLOT = slotText(0);

/** The n-th placeholder (0, 1, …) for fillJsonSlotsBytes: one per piece, in the order of the pieces. */
export const jsonSlot = (n: number): string => slotText(n);

/**
 * `text` (a JSON.stringify output holding JSON_SLOT once) as UTF-8 chunks with the slot replaced by
 * a piece of JSON encoded before: the text before the slot, the piece's chunks (shared by every
 * answer that carries them), the text after; null when the slot is not there exactly once. At
 * 10,000 items serialising and encoding megabytes again on every request costs more than
 * computing the answer.
 */
export function fillJsonSlotBytes(text: string, piece: readonly Uint8Array[]): Uint8Array[] | null {
  return fillJsonSlotsBytes(text, [piece]);
}

/** fillJsonSlotBytes for several pieces: the n-th piece where jsonSlot(n) is, each slot exactly once. */
export function fillJsonSlotsBytes(text: string, pieces: readonly (readonly Uint8Array[])[]): Uint8Array[] | null {
  const found: { at: number; end: number; piece: readonly Uint8Array[] }[] = [];
  for (const [n, piece] of pieces.entries()) {
    const quoted = JSON.stringify(slotText(n));
    const at = text.indexOf(quoted);
    if (at < 0 || text.indexOf(quoted, at + quoted.length) >= 0) return null;
    found.push({ at, end: at + quoted.length, piece });
  }
  found.sort((a, b) => a.at - b.at);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const { at, end, piece } of found) {
    chunks.push(utf8.encode(text.slice(from, at)), ...piece);
    from = end;
  }
  chunks.push(utf8.encode(text.slice(from)));
  return chunks;
}

/** The UTF-8 bytes of a text. */
export const utf8Bytes = (text: string): Uint8Array => utf8.encode(text);

/** The text of UTF-8 chunks. */
export function textOfChunks(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((c) => decoder.decode(c, { stream: true })).join("") + decoder.decode();
}
