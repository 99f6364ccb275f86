import type { ReactNode } from "react";

/**
 * One section of the preview: a heading the page can be read by (and linked to with #id), then
 * its content. The page is a list of these, so another section (a delivery log) slots in anywhere.
 */
export function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="min-w-0 space-y-2 rounded border border-slate-200 bg-white p-3">
      <h2 id={`${id}-title`} className="font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A sub-heading inside a section, with its count. */
export function ReportSubheading({ children }: { children: ReactNode }) {
  return <h3 className="mt-2 text-sm font-medium text-slate-800">{children}</h3>;
}
