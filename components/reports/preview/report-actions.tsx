import type { ReportPublication } from "@/lib/report/render-json";
import type { FormAction } from "@/components/ui/action-state";
import { PublishWeekButton } from "../publish-week-button";
import { ReportDownloadLinks } from "../report-download-links";

/**
 * The week's files (stamped like this page), the publication as stored when the week was restated
 * since, and Publish for an admin while the week is unpublished.
 */
export function ReportActions({
  slug,
  week,
  publication,
  canPublish,
  publishAction,
}: {
  slug: string;
  week: string;
  publication: ReportPublication | null;
  canPublish: boolean;
  publishAction: FormAction<[string, string]>;
}) {
  return (
    <section aria-labelledby="report-files-title" className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <h2 id="report-files-title" className="font-semibold">
        Files
      </h2>
      <ReportDownloadLinks slug={slug} week={week} />
      {publication?.restated && (
        <p className="text-sm">
          <a href={`/api/programs/${slug}/reports/${week}.md?version=published`} className="text-indigo-700 underline" download>
            Published Markdown of {week}, as stored
          </a>{" "}
          <span className="text-slate-600">— the files above are today&apos;s draft.</span>
        </p>
      )}
      {publication === null &&
        (canPublish ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-700">Not published. Publishing stores this week&apos;s report for good, stamped as the published version.</span>
            <PublishWeekButton slug={slug} week={week} serverAction={publishAction} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">Not published. An admin can publish it.</p>
        ))}
    </section>
  );
}
