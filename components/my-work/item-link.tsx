import Link from "next/link";

export const itemPath = (program: string, item: string) => `/programs/${program}/items/${encodeURIComponent(item)}`;

/** An item named by key and title, linked to its page (at `hash` when given), with its program beside it. */
export function ItemLink({ program, programName, item, title, hash = "" }: { program: string; programName: string; item: string; title: string; hash?: string }) {
  return (
    <>
      <Link href={`${itemPath(program, item)}${hash}`} className="font-medium text-indigo-700 hover:underline [overflow-wrap:anywhere]">
        <span className="font-mono">{item}</span> {title}
      </Link>
      <span className="text-xs text-slate-600">{programName}</span>
    </>
  );
}
