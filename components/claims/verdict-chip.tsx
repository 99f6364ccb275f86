import { VERDICT_LABELS, type Verdict } from "@/lib/claims/claim-verdict";
import { verdictLabel } from "@/lib/labels";

/** Background, text and ring of each verdict, from green (supported) to red (contradicted). */
export const VERDICT_STYLE: Record<Verdict, string> = {
  supported: "bg-emerald-100 text-emerald-900 ring-emerald-400",
  mostly_supported: "bg-lime-100 text-lime-900 ring-lime-400",
  partly_supported: "bg-amber-100 text-amber-900 ring-amber-400",
  unsupported: "bg-orange-100 text-orange-900 ring-orange-400",
  contradicted: "bg-rose-100 text-rose-900 ring-rose-400",
  unrated: "bg-slate-100 text-slate-800 ring-slate-300",
};

/** A verdict in words, on a scale from green (supported) to red (contradicted); the rule one hover away. */
export function VerdictChip({ verdict }: { verdict: Verdict }) {
  return (
    <span title={VERDICT_LABELS[verdict]} className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${VERDICT_STYLE[verdict]}`}>
      {verdictLabel(verdict)}
    </span>
  );
}
