import type { ItemDetail } from "@/db/queries/get-item-detail";
import { evidenceKindLabel, junitWords } from "@/lib/labels";

type Evidence = ItemDetail["history"][number]["evidence"];
type Piece = Evidence[number];

/**
 * A transition's evidence: each piece named by its kind (a link when it has one), with the fleet
 * share of a deployment, its attached file by name and short digest, and a JUnit report's totals.
 */
export function EvidenceList({ evidence, slug }: { evidence: Evidence; slug: string }) {
  if (evidence.length === 0) return <span className="text-slate-600">none</span>;
  return (
    <ul className="space-y-1">
      {evidence.map((e, i) => (
        <li key={i} className="[overflow-wrap:anywhere]">
          {e.url ? (
            <a href={e.url} rel="noreferrer noopener" target="_blank" className="text-indigo-700 underline">
              {kindWords(e)}
            </a>
          ) : (
            <span>{kindWords(e)}</span>
          )}{" "}
          <span className="text-xs text-slate-700">{e.summary}</span>
          {e.artefact && <AttachedFile file={e.artefact} slug={slug} />}
          {e.junit && <JunitTotals junit={e.junit} />}
        </li>
      ))}
    </ul>
  );
}

const kindWords = (e: Piece) => `${evidenceKindLabel(e.kind)}${e.fleetPercent !== null ? ` ${e.fleetPercent} %` : ""}`;

function AttachedFile({ file, slug }: { file: NonNullable<Piece["artefact"]>; slug: string }) {
  return (
    <span className="block text-xs">
      file{" "}
      <a href={`/api/programs/${slug}/artefacts/${file.sha256}`} className="font-mono text-indigo-700 hover:underline" title={`sha256 ${file.sha256}`}>
        {file.name}
      </a>{" "}
      <span className="font-mono text-slate-600">sha256 {file.sha256.slice(0, 12)}…</span>
    </span>
  );
}

/** A failing report says so in words as well as in red: colour alone carries nothing. */
function JunitTotals({ junit }: { junit: NonNullable<Piece["junit"]> }) {
  const failing = junit.failures + junit.errors > 0;
  return (
    <span data-testid="junit-summary" className={`block text-xs ${failing ? "font-medium text-red-700" : "text-emerald-900"}`}>
      {failing ? "failing" : "passing"}: {junitWords(junit)}
    </span>
  );
}
