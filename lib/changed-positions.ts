/**
 * The positions where two versions of the same list (same length, same order) hold different
 * objects; null when the lengths differ or more than `max` changed. The refreshed answers never
 * mutate an object: a change is a new object, so comparing references finds every change.
 */
export function changedPositions<T>(before: readonly T[], after: readonly T[], max = Infinity): number[] | null {
  if (before.length !== after.length) return null;
  const changed: number[] = [];
  for (let n = 0; n < after.length; n++) {
    if (before[n] === after[n]) continue;
    if (changed.length === max) return null;
    changed.push(n);
  }
  return changed;
}
