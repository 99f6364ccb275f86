"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const PAGES = [
  { page: "", label: "Dashboard" },
  { page: "items", label: "Items" },
  { page: "graph", label: "Graph" },
  { page: "timeline", label: "Timeline" },
  { page: "claims", label: "Claims" },
  { page: "reports", label: "Reports" },
  { page: "ingest", label: "Ingest" },
  { page: "settings", label: "Settings" },
] as const;

/** The program's sections; the as-of view travels along. */
export function ProgramNav({ slug }: { slug: string }) {
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
      {PAGES.map(({ page, label }) => {
        const href = `/programs/${slug}${page ? `/${page}` : ""}`;
        const active = page === "" ? pathname === href : pathname.startsWith(href);
        return (
          <Link
            key={label}
            href={`${href}${query}`}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${active ? "border-indigo-700 font-medium text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
