/** Whether two lists hold the same elements in the same order (by `same`, identity by default). */
export function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => same(x, b[i]!)));
}
