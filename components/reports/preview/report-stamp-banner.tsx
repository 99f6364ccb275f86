import { stampText, type ReportStamp } from "@/lib/report/report-stamp";

const STYLE = {
  draft: "border-amber-600 bg-amber-50 text-amber-950",
  published: "border-emerald-700 bg-emerald-50 text-emerald-950",
} as const;

/**
 * Which version this is, in the files' own words (report-stamp.ts): at the head of the page and
 * again at its end, as in every file.
 */
export function ReportStampBanner({ stamp, end = false }: { stamp: ReportStamp; end?: boolean }) {
  return (
    <p
      className={`rounded border-l-4 px-3 py-2 font-medium break-words [overflow-wrap:anywhere] ${STYLE[stamp.version]}`}
      data-testid={end ? "report-stamp-end" : "report-stamp"}
      data-version={stamp.version}
    >
      {stampText(stamp)}
    </p>
  );
}
