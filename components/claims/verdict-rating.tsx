import { VERDICT_STYLE } from "./verdict-chip";
import { VERDICT_LABELS, VERDICTS, type Verdict } from "@/lib/claims/claim-verdict";
import { upperFirst } from "@/lib/format";
import { verdictLabel } from "@/lib/labels";

const SCALE = VERDICTS.filter((v) => v !== "unrated");

/** The rule behind a verdict, without the verdict's own name in front. */
const ruleOf = (v: Verdict) => VERDICT_LABELS[v].replace(/^[^:]*:\s*/, "");

/**
 * The fact-check's one rating: the verdict in large words with its rule, and where it sits on the
 * scale from supported to contradicted. The colour repeats what the words say.
 */
export function VerdictRating({ verdict }: { verdict: Verdict }) {
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span
          data-testid="rating"
          className={`inline-block rounded px-3 py-1 text-xl font-semibold ring-2 ring-inset ${VERDICT_STYLE[verdict]}`}
        >
          {upperFirst(verdictLabel(verdict))}
        </span>
        <span className="text-slate-700">{upperFirst(ruleOf(verdict))}.</span>
      </p>
      {verdict !== "unrated" && (
        <ol className="flex flex-wrap gap-1 text-xs" aria-label="Verdict scale, from supported to contradicted">
          {SCALE.map((v) => (
            <li
              key={v}
              aria-current={v === verdict ? "true" : undefined}
              className={`rounded px-1.5 py-0.5 ring-1 ring-inset ${v === verdict ? `font-semibold ${VERDICT_STYLE[v]}` : "text-slate-600 ring-slate-200"}`}
            >
              {v === verdict && <span aria-hidden="true">▸ </span>}
              {verdictLabel(v)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
