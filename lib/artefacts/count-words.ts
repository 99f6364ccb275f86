const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A whole number with thousands grouped, as figures' details print it: 1030 → "1,030". */
export function formatCount(n: number): string {
  return GROUPED.format(n);
}

/** `n` and the noun in the right number: (1, "file") → "1 file", (1030, "line") → "1,030 lines". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
