/** A number beside a link's name; the link's accessible name says it with a comma: see `withCount`. */
export function CountBadge({ text }: { text: string }) {
  return <span className="ml-1 inline-block rounded-full bg-indigo-100 px-1.5 text-xs font-semibold text-indigo-900">{text}</span>;
}

/**
 * The accessible name of a link with a count: "My work, 2 new", "Awaiting verification, 5". Set as
 * the link's aria-label, since a visually hidden comma inside the link is read with stray spaces.
 */
export const withCount = (label: string, count: string | undefined) => (count ? `${label}, ${count}` : undefined);
