import type { ReactNode } from "react";
import { formatCount } from "@/lib/artefacts/count-words";

/**
 * One section of My work: its title with the number of entries, how many of them are new, and the
 * entries — or, with none, a sentence saying so. Every section (a later one too) takes this shape,
 * so the page reads the same from one to the next. Since when they are new is said once, above
 * the sections, not again in each.
 */
export function MyWorkSection({
  id,
  title,
  count,
  newCount,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  newCount: number;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-2" data-testid={`section-${id}`}>
      <h2 id={id} className="font-semibold">
        {title} ({formatCount(count)})
      </h2>
      {count === 0 ? (
        <p className="text-slate-600">{empty}</p>
      ) : (
        <>
          <p className="text-slate-700" data-testid="new-count">
            {newCount === 0 ? "Nothing" : formatCount(newCount)} new.
          </p>
          {children}
        </>
      )}
    </section>
  );
}
