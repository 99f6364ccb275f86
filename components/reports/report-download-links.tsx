const FORMATS = [
  { ext: "md", label: "Markdown" },
  { ext: "csv", label: "CSV" },
  { ext: "json", label: "JSON" },
  { ext: "pdf", label: "PDF (A4)" },
  { ext: "pdf?paper=letter", label: "PDF (Letter)" },
  { ext: "xlsx", label: "Spreadsheet" },
] as const;

/** A week's report in every format, each link named with its week ("Markdown of 2024-W52"). */
export function ReportDownloadLinks({ slug, week, className = "" }: { slug: string; week: string; className?: string }) {
  return (
    <span className={`flex flex-wrap gap-x-3 gap-y-1 ${className}`.trim()}>
      {FORMATS.map((f) => (
        <a
          key={f.ext}
          href={`/api/programs/${slug}/reports/${week}.${f.ext}`}
          className="text-indigo-700 underline"
          download
          aria-label={`${f.label} of ${week}`}
        >
          {f.label}
        </a>
      ))}
    </span>
  );
}
