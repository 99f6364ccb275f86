/**
 * Characters no text the tracker keeps may hold, whatever a schema says:
 * - NUL (U+0000): PostgreSQL's text cannot store it, so refusing it everywhere keeps the two
 *   databases answering the same;
 * - the other control characters (U+0001–U+001F and U+007F–U+009F) except tab, line feed and
 *   carriage return: they draw nothing, or move the cursor of a terminal that prints a CLI answer;
 * - the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make
 *   a note, a quote or a name read differently from what is stored ("Trojan Source"). Right-to-left
 *   text needs none of them; the marks U+200E and U+200F stay allowed.
 */
const REFUSALS: [RegExp, string][] = [
  [/\u0000/, "must not contain the NUL character (U+0000)"],
  [/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/, "must not contain control characters (U+0001–U+001F other than tab and line breaks, U+007F–U+009F)"],
  [/[\u202A-\u202E\u2066-\u2069]/, "must not contain bidirectional override, embedding or isolate characters (U+202A–U+202E, U+2066–U+2069): they make text read differently from what is stored"],
];

/** Why `text` cannot be kept (the first rule it breaks), or null when it can. */
export function textRefusal(text: string): string | null {
  for (const [pattern, message] of REFUSALS) if (pattern.test(text)) return message;
  return null;
}

/**
 * Every place in `value` — a string, or an object key — that holds a refused character, as a
 * property path with the reason, in document order. A place `verbatim` names (a file's content,
 * kept as its bytes and never shown as text) is refused only for NUL. Walked with a stack of its
 * own (hostile input nests deeper than the call stack goes) holding one frame per open array or
 * object, so a bundle's 200,000 transitions are visited without a stack entry each; a path is
 * built only when found.
 */
export function pathsWithRefusedText(value: unknown, verbatim: (path: PropertyKey[]) => boolean = () => false): { path: PropertyKey[]; message: string }[] {
  interface Place {
    key: PropertyKey | null;
    parent: Place | null;
  }
  interface Frame {
    place: Place;
    container: Record<string, unknown> | unknown[];
    /** An object's own keys; null for an array. */
    keys: string[] | null;
    next: number;
  }
  const pathOf = (place: Place): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let p: Place | null = place; p && p.key !== null; p = p.parent) path.push(p.key);
    return path.reverse();
  };
  const found: { path: PropertyKey[]; message: string }[] = [];
  const check = (text: string, parent: Place | null, key: PropertyKey | null) => {
    const message = textRefusal(text);
    if (!message) return;
    const path = pathOf({ key, parent });
    if (!verbatim(path)) found.push({ path, message });
    else if (text.includes("\u0000")) found.push({ path, message: REFUSALS[0]![1] });
  };
  const stack: Frame[] = [];
  const visit = (v: unknown, parent: Place | null, key: PropertyKey | null) => {
    if (typeof v === "string") check(v, parent, key);
    else if (Array.isArray(v)) stack.push({ place: { key, parent }, container: v, keys: null, next: 0 });
    else if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype)
      stack.push({ place: { key, parent }, container: v as Record<string, unknown>, keys: Object.keys(v), next: 0 });
  };
  visit(value, null, null);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { container, keys, place } = frame;
    if (keys === null) {
      const array = container as unknown[];
      if (frame.next >= array.length) stack.pop();
      else {
        const i = frame.next++;
        visit(array[i], place, i);
      }
    } else if (frame.next >= keys.length) stack.pop();
    else {
      const key = keys[frame.next++]!;
      check(key, place, key);
      visit((container as Record<string, unknown>)[key], place, key);
    }
  }
  return found;
}
