import Link from "next/link";
import type { ReactNode } from "react";
import type { HeadlineClause } from "@/lib/dashboard/headline-sentence";
import type { Readiness } from "@/lib/readiness/compute-readiness";
import { headlineCards } from "@/lib/dashboard/headline-cards";
import { Definition } from "../ui/definition";
import { KeepDatesWhole } from "../ui/keep-dates-whole";

function Card({ label, definition, value, sub, href, testId, bad = false }: {
  label: string;
  definition: string;
  value: string;
  sub?: string;
  href?: string;
  testId: string;
  /** Bad news: the sub-line turns red; its words already say what is wrong. */
  bad?: boolean;
}) {
  const figures = (
    <>
      {/* One line whatever the width: a date broken at its hyphens reads as two figures. */}
      <p className="whitespace-nowrap text-xl font-semibold tabular-nums sm:text-2xl" data-testid={testId}>
        {value}
      </p>
      {sub && (
        <p className={`text-xs ${bad ? "font-medium text-red-700" : "text-slate-600"}`}>
          <KeepDatesWhole text={sub} />
        </p>
      )}
    </>
  );
  // The definition's button sits outside the link: a control inside a link would be two targets in one.
  return (
    <div className="rounded border border-slate-200 bg-white p-3">
      <p className="text-xs uppercase tracking-wide text-slate-600">
        <Definition term={definition}>{label}</Definition>
      </p>
      {href ? (
        <Link href={href} className="block hover:text-indigo-800">
          {figures}
        </Link>
      ) : (
        figures
      )}
    </div>
  );
}

/** The dashboard in one sentence; bad news in red and in words, so colour is never alone. */
export function HeadlineSentence({ asOf, clauses, mark }: { asOf: string; clauses: readonly HeadlineClause[]; mark?: ReactNode }) {
  return (
    <p data-testid="headline-sentence" className="text-base leading-relaxed text-slate-900">
      <span className="font-medium">As of {asOf}:</span> {mark && <>{mark} </>}
      {clauses.map((c, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden="true" className="text-slate-400"> · </span>}
          {i > 0 && <span className="sr-only">; </span>}
          <span className={c.bad ? "font-medium text-red-700" : undefined}>
            <KeepDatesWhole text={c.text} />
          </span>
        </span>
      ))}
    </p>
  );
}

/** The first thing seen: verified against reported, and what stands in the way. */
export function Headline({ r, itemsHref }: { r: Readiness; itemsHref: (extra: Record<string, string>) => string }) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
      {headlineCards(r).map(({ id, filter, panel, ...card }) => (
        <Card key={id} testId={`headline-${id}`} {...card} href={filter ? itemsHref(filter) : panel && `#${panel}`} />
      ))}
    </div>
  );
}
