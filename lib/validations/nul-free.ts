/**
 * Where in `value` a string holds the NUL character (U+0000), as property paths. No text the
 * tracker keeps needs one, and PostgreSQL's text cannot store it: refusing it everywhere keeps the
 * two databases answering the same. Walked with a stack of its own (hostile input nests deeper
 * than the call stack goes), each place linked to its parent so a path is built only when found.
 */
export function pathsWithNul(value: unknown): PropertyKey[][] {
  interface Place {
    key: PropertyKey | null;
    parent: Place | null;
  }
  const pathOf = (place: Place): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let p: Place | null = place; p && p.key !== null; p = p.parent) path.push(p.key);
    return path.reverse();
  };
  const found: PropertyKey[][] = [];
  const stack: { value: unknown; place: Place }[] = [{ value, place: { key: null, parent: null } }];
  while (stack.length > 0) {
    const { value: v, place } = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) found.push(pathOf(place));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], place: { key: i, parent: place } });
    } else if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        const at = { key: k, parent: place };
        if (k.includes("\u0000")) found.push(pathOf(at));
        stack.push({ value: child, place: at });
      }
    }
  }
  return found;
}

export const NUL_MESSAGE = "must not contain the NUL character (U+0000)";
