import type { ReactNode } from "react";

/** A titled white box: the unit of every dashboard and item page. */
export function Panel({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section aria-labelledby={id} className="min-w-0 overflow-x-auto rounded border border-slate-200 bg-white p-3">
      <h2 id={id} className="mb-2 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
