import type { ReactNode } from "react";

/** A term whose definition is one hover (or focus) away. */
export function Definition({ term, children }: { term: string; children: ReactNode }) {
  return (
    <span title={term} className="cursor-help underline decoration-slate-400 decoration-dotted underline-offset-2">
      {children}
    </span>
  );
}
