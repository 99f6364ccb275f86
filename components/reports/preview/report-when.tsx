import { reportMoment } from "@/lib/report/report-moment";

/**
 * A date or a moment of the report as people read it — YYYY-MM-DD, or "2024-07-01 17:00 UTC" as
 * every page writes a moment — on one line: a date never breaks at its hyphens. None: a dash.
 */
export function When({ value }: { value: string | null }) {
  if (value === null) return <>—</>;
  return (
    <time dateTime={value} className="whitespace-nowrap">
      {reportMoment(value)}
    </time>
  );
}

/** Words that name dates ("its own target 2024-06-30"): they may wrap between words, never inside a date. */
export function KeepDates({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="whitespace-nowrap">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
