"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * A term with its definition one tap, click or keypress away (a hover title alone never opens on
 * a phone). The button names what it explains; the definition is announced as it opens.
 */
export function Definition({ term, children }: { term: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="relative inline-flex items-center gap-1">
      <span title={term} className="underline decoration-slate-400 decoration-dotted underline-offset-2">
        {children}
      </span>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`What "${typeof children === "string" ? children : "this"}" means`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        className="inline-flex h-4 w-4 print:hidden items-center justify-center rounded-full border border-slate-400 text-[10px] normal-case leading-none text-slate-600 hover:bg-slate-100"
      >
        ?
      </button>
      <span
        id={id}
        role="note"
        hidden={!open}
        className="absolute left-0 top-full z-10 mt-1 w-64 rounded border border-slate-200 bg-white p-2 text-xs normal-case tracking-normal text-slate-800 shadow-lg"
      >
        {term}
      </span>
    </span>
  );
}
