import Link from "next/link";

// Week labels and dates never break at their hyphens.
const link = "whitespace-nowrap text-indigo-700 underline";

/** The week before and after, the list of all weeks, and the dashboard as of the cutoff. */
export function ReportWeekNav({ slug, week, previous, next, asOf }: { slug: string; week: string; previous: string | null; next: string | null; asOf: string }) {
  const base = `/programs/${slug}/reports`;
  return (
    <nav aria-label="Weeks" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      {previous ? (
        <Link href={`${base}/${previous}`} className={link} rel="prev">
          ← {previous}
        </Link>
      ) : (
        <span className="text-slate-600">first week</span>
      )}
      {next ? (
        <Link href={`${base}/${next}`} className={link} rel="next">
          {next} →
        </Link>
      ) : (
        <span className="text-slate-600">latest complete week</span>
      )}
      <Link href={`${base}?week=${week}`} className={link}>
        All weeks
      </Link>
      <Link href={`/programs/${slug}?asOf=${asOf}`} className={link}>
        Dashboard as of {asOf}
      </Link>
    </nav>
  );
}
