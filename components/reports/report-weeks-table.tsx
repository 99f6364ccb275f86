import Link from "next/link";
import type { ReportWeekRow } from "@/db/queries/list-report-weeks";
import type { FormAction } from "../ui/action-state";
import { PublishWeekButton } from "./publish-week-button";
import { ReportDownloadLinks } from "./report-download-links";
import { RestatementDetails } from "./restatement-details";
import { HeaderRow } from "@/components/ui/data-table";

/** The weeks, newest first, each linking to its preview: publication, restatement, downloads, and publishing for admins. */
export function ReportWeeksTable({
  slug,
  weeks,
  canPublish,
  publishAction,
  highlight = null,
}: {
  slug: string;
  weeks: ReportWeekRow[];
  canPublish: boolean;
  publishAction: FormAction<[string, string]>;
  highlight?: string | null;
}) {
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left" aria-label="Weekly reports">
        <HeaderRow shaded cell="px-3 py-2" columns={["week", "dates", "publication", "download"]} />
        <tbody>
          {weeks.map((w) => {
            const p = w.publication;
            return (
              <tr
                key={w.week}
                className={`border-t border-slate-100 align-top ${w.week === highlight ? "bg-amber-50" : ""}`}
                data-testid={`week-${w.week}`}
                aria-current={w.week === highlight ? "true" : undefined}
              >
                <td className="px-3 py-1.5 whitespace-nowrap font-mono font-medium">
                  <Link href={`/programs/${slug}/reports/${w.week}`} className="text-indigo-800 underline" aria-label={`Preview ${w.week}`}>
                    {w.week}
                  </Link>
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap text-slate-700">
                  {w.weekStart} – {w.weekEnd}
                </td>
                <td className="px-3 py-1.5">
                  {p ? (
                    <div>
                      <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-900 ring-1 ring-emerald-200">published</span>{" "}
                      <span className="text-slate-700">
                        {p.publishedAt.slice(0, 10)}
                        {p.publishedBy ? ` by ${p.publishedBy}` : ""}
                      </span>{" "}
                      <span className="font-mono text-xs text-slate-600" title={`sha256 of the published Markdown: ${p.sha256}`}>
                        sha256 {p.sha256.slice(0, 12)}…
                      </span>{" "}
                      {p.restated ? (
                        <span className="rounded bg-red-50 px-1.5 py-0.5 font-medium text-red-800 ring-1 ring-red-200" data-testid="restated">
                          restated
                        </span>
                      ) : (
                        <span className="text-xs text-slate-600" data-testid="unchanged">
                          unchanged since publication
                        </span>
                      )}
                      {p.restated && <RestatementDetails rows={w.restatement} />}
                    </div>
                  ) : canPublish ? (
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="text-slate-600">not published</span>
                      <PublishWeekButton slug={slug} week={w.week} serverAction={publishAction} />
                    </div>
                  ) : (
                    <span className="text-slate-600">not published</span>
                  )}
                </td>
                <td className="px-3 py-1.5">
                  <ReportDownloadLinks slug={slug} week={w.week} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
