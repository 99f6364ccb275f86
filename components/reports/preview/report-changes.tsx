import { evidenceKindLabel } from "@/lib/labels";
import type { WeeklyReport } from "@/lib/report/report-model";
import { StatusBadge } from "@/components/ui/status-badge";
import { ExternalLink } from "./external-link";
import { ItemCell } from "./item-key";
import { ReportSection, ReportSubheading } from "./report-section";
import { ReportTable } from "./report-table";
import { When } from "./report-when";

/** What changed since the week before: true status, regressions, verifications, rejections, evidence, new items. */
export function ReportChanges({ report, slug }: { report: WeeklyReport; slug: string }) {
  const c = report.changes;
  const item = (x: { key: string; title: string }) => <ItemCell slug={slug} itemKey={x.key} title={x.title} />;
  const subject = { label: "item", subject: true };
  return (
    <ReportSection id="changes" title={`Changes since ${report.previousWeek}`}>
      <ReportSubheading>True-status changes ({c.trueStatus.length})</ReportSubheading>
      <ReportTable
        label="True-status changes"
        columns={[subject, { label: report.previousWeek }, { label: report.week }, { label: "direction" }]}
        rows={c.trueStatus.map((x) => [item(x), <StatusBadge key="f" status={x.from} />, <StatusBadge key="t" status={x.to} />, x.direction === "up" ? "up" : <strong className="text-red-800">down</strong>])}
        empty="No item's true status changed."
      />
      <ReportSubheading>Regressions reported during the week ({c.regressions.length})</ReportSubheading>
      <ReportTable
        label="Regressions"
        columns={[subject, { label: "from" }, { label: "to" }, { label: "effective" }, { label: "note" }]}
        rows={c.regressions.map((x) => [item(x), <StatusBadge key="f" status={x.from} />, <StatusBadge key="t" status={x.to} />, <When key="e" value={x.effectiveAt} />, x.note])}
        empty="None."
      />
      <ReportSubheading>New verifications ({c.verifications.length})</ReportSubheading>
      <ReportTable
        label="New verifications"
        columns={[subject, { label: "status" }, { label: "effective" }, { label: "verified" }, { label: "by" }]}
        rows={c.verifications.map((x) => [item(x), <StatusBadge key="s" status={x.to} />, <When key="e" value={x.effectiveAt} />, <When key="v" value={x.verifiedAt} />, x.verifiedBy])}
        empty="None."
      />
      {c.rejections && c.rejections.length > 0 && (
        <>
          <ReportSubheading>Rejected transitions ({c.rejections.length}) — they never count toward the true status</ReportSubheading>
          <ReportTable
            label="Rejected transitions"
            columns={[subject, { label: "status" }, { label: "effective" }, { label: "rejected" }, { label: "by" }, { label: "reason" }]}
            rows={c.rejections.map((x) => [item(x), <StatusBadge key="s" status={x.to} />, <When key="e" value={x.effectiveAt} />, <When key="r" value={x.rejectedAt} />, x.rejectedBy, x.reason])}
            empty="None."
          />
        </>
      )}
      <ReportSubheading>New evidence ({c.evidence.length})</ReportSubheading>
      <ReportTable
        label="New evidence"
        columns={[subject, { label: "for" }, { label: "recorded" }, { label: "kind" }, { label: "evidence" }]}
        rows={c.evidence.map((x) => [
          item(x),
          <StatusBadge key="s" status={x.to} />,
          <When key="r" value={x.recordedAt} />,
          evidenceKindLabel(x.kind) + (x.fleetPercent === null ? "" : ` (${x.fleetPercent} % of the fleet)`),
          x.url ? (
            <ExternalLink key="e" url={x.url}>
              {x.summary || x.url}
            </ExternalLink>
          ) : (
            <span key="e" className="[overflow-wrap:anywhere]">
              {x.summary || x.file?.name}
              {x.file && (
                <>
                  {" "}
                  (file{" "}
                  <a href={`/api/programs/${slug}/artefacts/${x.file.sha256}`} className="text-indigo-700 hover:underline">
                    {x.file.name}
                  </a>
                  , sha256 <span className="font-mono text-xs">{x.file.sha256.slice(0, 12)}…</span>)
                </>
              )}
            </span>
          ),
        ])}
        empty="None."
      />
      <ReportSubheading>Items identified during the week ({c.newItems.length})</ReportSubheading>
      <ReportTable label="Items identified during the week" columns={[subject, { label: "identified" }]} rows={c.newItems.map((x) => [item(x), <When key="i" value={x.identifiedAt} />])} empty="None." />
    </ReportSection>
  );
}
