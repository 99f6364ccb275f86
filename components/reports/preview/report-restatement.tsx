import type { ReportPublication } from "@/lib/report/render-json";
import { stampTime } from "@/lib/report/report-stamp";
import type { RestatementRow } from "@/lib/report/restatement-table";
import { RestatementTable } from "../restatement-table";
import { ReportSection } from "./report-section";

/** A restated week: the published figures and items beside today's. */
export function ReportRestatement({ publication, rows }: { publication: ReportPublication; rows: readonly RestatementRow[] }) {
  return (
    <ReportSection id="restated" title="Restated since publication">
      <p className="text-red-800">
        The history of this week changed after it was published on {stampTime(publication.publishedAt)}: a backfill or a correction. What the published report said, and
        what the history says today:
      </p>
      <RestatementTable rows={rows} />
    </ReportSection>
  );
}
