"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ProgramSection } from "./program-sections";

/** The program's sections the person's role opens; the as-of view travels along. */
export function ProgramNav({ slug, sections }: { slug: string; sections: ProgramSection[] }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const keep = new URLSearchParams();
  for (const k of ["asOf", "knownAt"]) {
    const v = search.get(k);
    if (v) keep.set(k, v);
  }
  const query = keep.toString() ? `?${keep}` : "";
  return (
    <nav aria-label="Program" className="flex flex-wrap gap-1 border-b border-slate-200">
      {sections.map(({ page, label }) => {
        const href = `/programs/${slug}${page ? `/${page}` : ""}`;
        const active = page === "" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={label}
            href={`${href}${query}`}
            aria-current={active ? "page" : undefined}
            className={`relative -mb-px border-b-2 px-3 py-2 ${active ? "border-indigo-700 font-medium text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`}
          >
            {label}
            <Opening />
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * Under the section being opened until its page arrives, in the tab's own underline (nothing
 * moves). Pages are sent whole, not streamed (a streamed page shows only its placeholder to a
 * browser without script), so a slow one — the first after a restart, at 10,000 items — shows
 * here that it is coming; a screen reader hears "opening…".
 */
function Opening() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span role="status">
      <span className="sr-only">opening…</span>
      <span aria-hidden="true" className="absolute inset-x-0 -bottom-0.5 h-0.5 animate-pulse bg-indigo-500" />
    </span>
  );
}
