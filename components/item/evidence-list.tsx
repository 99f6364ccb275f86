import type { ItemDetail } from "@/db/queries/get-item-detail";
import { evidenceKindLabel } from "@/lib/labels";

type Evidence = ItemDetail["history"][number]["evidence"];

/** A transition's evidence: each piece a link named by its kind, with the fleet share of a deployment. */
export function EvidenceList({ evidence }: { evidence: Evidence }) {
  if (evidence.length === 0) return <span className="text-slate-600">none</span>;
  return (
    <ul>
      {evidence.map((e, i) => (
        <li key={i}>
          <a href={e.url} rel="noreferrer noopener" target="_blank" className="text-indigo-700 underline">
            {evidenceKindLabel(e.kind)}
            {e.fleetPercent !== null ? ` ${e.fleetPercent} %` : ""}
          </a>{" "}
          <span className="text-xs text-slate-700">{e.summary}</span>
        </li>
      ))}
    </ul>
  );
}
