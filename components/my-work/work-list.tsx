import type { ReactNode } from "react";
import type { Marked } from "@/lib/my-work/mark-new";
import { NewMark } from "./new-mark";

/**
 * A section of My work as stacked rows (they read on a phone): each row opens with what is new and
 * what it is about (`head`), then says what happened (`body`).
 */
export function WorkList<T>({
  label,
  entries,
  keyOf,
  testIdOf,
  head,
  body,
}: {
  label: string;
  entries: Marked<T>[];
  keyOf: (e: T) => string | number;
  testIdOf: (e: T) => string;
  head: (e: T) => ReactNode;
  body: (e: T) => ReactNode;
}) {
  return (
    <ol className="divide-y divide-slate-100 rounded border border-slate-200 bg-white" aria-label={label}>
      {entries.map((e) => (
        <li key={keyOf(e)} className="space-y-1 p-3" data-testid={testIdOf(e)}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {e.isNew && <NewMark />}
            {head(e)}
          </div>
          {body(e)}
        </li>
      ))}
    </ol>
  );
}

/** A row's line of statuses and words, wrapping on a narrow screen. */
export function StatusLine({ children }: { children: ReactNode }) {
  return <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-700">{children}</p>;
}
