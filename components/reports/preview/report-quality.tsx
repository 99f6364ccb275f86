import { artefactKindLabel, metricLabel, signalValueWords, thresholdWords } from "@/lib/labels";
import type { WeeklyReport } from "@/lib/report/report-model";
import { ItemCell } from "./item-key";
import { ReportSection, ReportSubheading } from "./report-section";
import { ReportTable } from "./report-table";
import { When } from "./report-when";

/** Quality threshold breaches on the latest signal by the cutoff, items nobody owns, and the artefacts the figures were read from. */
export function ReportQuality({ report, slug }: { report: WeeklyReport; slug: string }) {
  const q = report.quality;
  const t = q.thresholds;
  return (
    <ReportSection id="quality" title="Quality">
      <ReportSubheading>Threshold breaches on the latest signal by the cutoff ({q.breaches.length})</ReportSubheading>
      <p className="text-sm text-slate-700">
        Thresholds: test coverage at least {t.testCoveragePct} %, at most {t.unvettedCrates} unvetted crates{t.crashOwnerRegistered ? ", crash owner registered" : ""}.
      </p>
      <ReportTable
        label="Quality breaches"
        columns={[{ label: "item", subject: true }, { label: "metric" }, { label: "value", numeric: true }, { label: "needs" }, { label: "measured" }]}
        rows={q.breaches.map((b) => [<ItemCell key="i" slug={slug} itemKey={b.key} title={b.title} />, metricLabel(b.metric), signalValueWords(b.metric, b.value), thresholdWords(b.metric, b.threshold), <When key="m" value={b.measuredAt} />])}
        empty="No breach."
      />
      <ReportSubheading>Unowned items ({q.unowned.length})</ReportSubheading>
      {q.unowned.length === 0 ? (
        <p className="text-slate-600">Every item has an owner.</p>
      ) : (
        <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Unowned items">
          {q.unowned.map((u) => (
            <li key={u.key}>
              <ItemCell slug={slug} itemKey={u.key} title={u.title} />
            </li>
          ))}
        </ul>
      )}
      {q.artefacts.length > 0 && (
        <>
          <ReportSubheading>Artefacts behind the latest signals ({q.artefacts.length})</ReportSubheading>
          <ReportTable
            label="Artefacts behind the latest signals"
            columns={[{ label: "kind" }, { label: "files (sha256)" }, { label: "read by" }, { label: "measured" }, { label: "signals", numeric: true }]}
            rows={q.artefacts.map((a) => [
              artefactKindLabel(a.kind),
              <span key="f" className="[overflow-wrap:anywhere]">
                {a.files.map((f, i) => (
                  <span key={f.sha256 + i}>
                    {i > 0 && "; "}
                    <a href={`/api/programs/${slug}/artefacts/${f.sha256}`} className="text-indigo-700 hover:underline">
                      {f.name}
                    </a>{" "}
                    <span className="font-mono text-xs text-slate-600">{f.sha256}</span>
                  </span>
                ))}
              </span>,
              a.tool,
              <When key="m" value={a.measuredAt.slice(0, 10)} />,
              a.signals,
            ])}
            empty="None."
          />
        </>
      )}
    </ReportSection>
  );
}
