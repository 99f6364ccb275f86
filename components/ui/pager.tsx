import Link from "next/link";
import { upperFirst } from "@/lib/format";
import { pageOffsets, pageRange } from "@/lib/items/item-pages";

/** "Items 101–200 of 10,000" with links to the first, previous, next and last pages; nothing for one page. */
export function Pager({ noun, total, offset, shown, limit, href }: { noun: string; total: number; offset: number; shown: number; limit: number; href: (offset: number) => string }) {
  if (offset === 0 && total <= limit) return null;
  const pages = pageOffsets(total, offset, limit);
  const link = (rel: "first" | "prev" | "next" | "last", words: string) =>
    pages[rel] === undefined || pages[rel] === offset ? (
      <span className="text-slate-400" aria-disabled="true">
        {words}
      </span>
    ) : (
      <Link href={href(pages[rel]!)} className="text-indigo-700 hover:underline" rel={rel === "prev" || rel === "next" ? rel : undefined}>
        {words}
      </Link>
    );
  return (
    <nav aria-label={`Pages of ${noun}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <span className="text-slate-700">
        {upperFirst(noun)} {pageRange(total, offset, shown)}
      </span>
      {link("first", "First")}
      {link("prev", "← Previous")}
      {link("next", "Next →")}
      {link("last", "Last")}
    </nav>
  );
}
