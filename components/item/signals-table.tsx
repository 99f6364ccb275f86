import type { ItemDetail } from "@/db/queries/get-item-detail";
import { HeaderRow, Td } from "@/components/ui/data-table";
import { metricLabel, signalSourceLabel, signalValueWords } from "@/lib/labels";

type Source = NonNullable<ItemDetail["signals"][number]["source"]>;

/** Where a value came from: entered by hand, or read from files that can be downloaded and checked. */
function Provenance({ source, slug }: { source: Source | null; slug: string }) {
  if (source === null) return <span className="text-slate-600">{signalSourceLabel(null)}</span>;
  return (
    <span className="[overflow-wrap:anywhere]">
      {signalSourceLabel(source.kind)}:{" "}
      {source.files.map((f, i) => (
        <span key={f.sha256 + i}>
          {i > 0 && ", "}
          <a href={`/api/programs/${slug}/artefacts/${f.sha256}`} className="font-mono text-indigo-700 hover:underline" title={`sha256 ${f.sha256}`}>
            {f.name}
          </a>{" "}
          <span className="font-mono text-xs text-slate-600">sha256 {f.sha256.slice(0, 12)}…</span>
        </span>
      ))}
      {" "}with the {source.tool}, ingested by {source.ingestedBy} on {source.recordedAt.slice(0, 10)}
    </span>
  );
}

/** The item's measurements, oldest first, each metric and yes/no value in words, each ingested one with its provenance. */
export function SignalsTable({ signals, slug }: { signals: ItemDetail["signals"]; slug: string }) {
  if (signals.length === 0) return <p className="text-slate-600">No measurement yet.</p>;
  return (
    <div className="max-w-full overflow-x-auto">
      <table className="w-full text-left" aria-label="Signals">
        <HeaderRow cell="pr-2" columns={["measured", "metric", { label: "value", numeric: true }, "source"]} />
        <tbody>
          {signals.map((s, i) => (
            <tr key={i} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap pr-2">{s.measuredAt.slice(0, 10)}</td>
              <td className="pr-2">{metricLabel(s.metric)}</td>
              <Td numeric className="pr-2">
                {signalValueWords(s.metric, s.value)}
              </Td>
              <td className="text-sm">
                <Provenance source={s.source} slug={slug} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
