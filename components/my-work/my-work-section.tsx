import type { ReactNode } from "react";
import { formatCount } from "@/lib/artefacts/count-words";
import { newSinceSentence, type Since } from "@/lib/my-work/since";

/**
 * One section of My work: its title with the number of entries, how many are new since the last
 * visit, and the entries — or, with none, a sentence saying so. Every section (a later one too)
 * takes this shape, so the page reads the same from one to the next.
 */
export function MyWorkSection({
  id,
  title,
  count,
  newCount,
  since,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  newCount: number;
  since: Since;
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
            {newSinceSentence(newCount, since)}
          </p>
          {children}
        </>
      )}
    </section>
  );
}
