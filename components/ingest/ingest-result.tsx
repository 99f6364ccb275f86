import Link from "next/link";
import { metricLabel } from "@/lib/labels";
import { HeaderRow } from "../ui/data-table";
import { countOf } from "@/lib/artefacts/count-words";

export interface Problem {
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export interface IngestAnswer {
  program: string;
  dryRun: boolean;
  tool: string;
  files: { name: string; sha256: string; size: number }[];
  measuredAt: string;
  figures: { item: string; metric: string; value: number; detail: string }[];
  unmapped: string[];
  notes: string[];
  source: number | null;
}

/** Why the artefact was refused, with the line where it went wrong when the reader knows it. */
export function IngestProblem({ problem }: { problem: Problem }) {
  return (
    <div role="alert" className="rounded bg-red-50 p-3 text-red-900">
      <p className="font-medium">Nothing was recorded: {problem.detail}</p>
      {problem.errors && problem.errors.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {problem.errors.slice(0, 20).map((e, i) => (
            <li key={i}>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A dry run or a recording: what was read, by which reader, each item's figure and how it was reached, and what matched no item. */
export function IngestResultView({ answer, slug }: { answer: IngestAnswer; slug: string }) {
  const signals = countOf(answer.figures.length, "signal");
  const heading = answer.dryRun ? `Dry run: ${signals} would be recorded` : `Recorded ${signals}`;
  return (
    <section aria-label={answer.dryRun ? "Dry run" : "Recorded"} className="space-y-3 rounded border border-slate-200 bg-white p-3">
      <h2 className="font-semibold">{heading}</h2>
      <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">
        Read by the {answer.tool}, measured {answer.measuredAt.slice(0, 10)}, from{" "}
        {answer.files.map((f, i) => (
          <span key={f.sha256 + i}>
            {i > 0 && ", "}
            <span className="font-mono">{f.name}</span> (sha256 <span className="font-mono text-xs">{f.sha256}</span>)
          </span>
        ))}
        .{answer.dryRun ? " Nothing is written until you record it." : ""}
      </p>
      {answer.notes.map((n) => (
        <p key={n} className="text-sm text-amber-900">
          Note: {n}
        </p>
      ))}
      {answer.figures.length === 0 ? (
        <p className="text-slate-700">No item&apos;s components match this artefact: give items components (on each item&apos;s page) first.</p>
      ) : (
        <div className="max-w-full overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label={answer.dryRun ? "Signals that would be recorded" : "Signals recorded"}>
            <HeaderRow cell="py-1 pr-2" columns={["item", "signal", { label: "value", numeric: true }, "how it was read"]} />
            <tbody>
              {answer.figures.map((f) => (
                <tr key={`${f.item}-${f.metric}`} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-2 font-mono">
                    <Link href={`/programs/${slug}/items/${encodeURIComponent(f.item)}`} className="text-indigo-700 hover:underline">
                      {f.item}
                    </Link>
                  </td>
                  <td className="py-1 pr-2">{metricLabel(f.metric)}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{f.value}</td>
                  <td className="py-1 pr-2 text-slate-700 [overflow-wrap:anywhere]">{f.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {answer.unmapped.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-slate-800">
            {answer.unmapped.length} {answer.unmapped.length === 1 ? "entry matches" : "entries match"} no item&apos;s components
          </summary>
          <ul className="mt-1 max-h-64 overflow-y-auto font-mono text-xs [overflow-wrap:anywhere]">
            {answer.unmapped.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
