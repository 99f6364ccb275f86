import { markInk, VERDICT_LETTERS, verdictsPresent } from "@/lib/charts/verdict-marks";
import type { Verdict } from "@/lib/claims/claim-verdict";
import { verdictLabel } from "@/lib/labels";
import { VERDICT_COLORS } from "@/lib/status-colors";

/** The outline of a claim marker: the burn-up's diamond, or the timeline's pin pointing down at its date. */
const SHAPES = {
  diamond: "polygon(50% 0, 100% 50%, 50% 100%, 0 50%)",
  pin: "polygon(0 0, 100% 0, 100% 62%, 50% 100%, 0 62%)",
} as const;

export type ClaimMarkShape = keyof typeof SHAPES;

/** A verdict's marker as its chart draws it, in HTML text: the colour, the shape and the letter. */
function VerdictGlyph({ verdict, shape }: { verdict: Verdict; shape: ClaimMarkShape }) {
  const fill = VERDICT_COLORS[verdict];
  return (
    <span
      className={`inline-flex shrink-0 justify-center text-[9px] leading-none font-bold ${shape === "diamond" ? "h-4 w-4 items-center" : "h-4 w-3.5 pt-[3px]"}`}
      style={{ backgroundColor: fill, color: markInk(fill), clipPath: SHAPES[shape] }}
    >
      {VERDICT_LETTERS[verdict]}
    </span>
  );
}

/**
 * The key to a chart's claim markers: each verdict they show, once, in the order of the scale, as
 * its marker with its letter and in words. Nothing when the chart shows no claim.
 */
export function ClaimVerdictLegend({ verdicts, shape, testId }: { verdicts: Iterable<Verdict>; shape: ClaimMarkShape; testId?: string }) {
  const present = verdictsPresent(verdicts);
  if (present.length === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700" data-testid={testId}>
      <span>Claims by verdict on their date:</span>
      <ul aria-label="Claims by verdict on their date" className="flex flex-wrap gap-x-3 gap-y-1">
        {present.map((v) => (
          <li key={v} className="flex items-center gap-1">
            <VerdictGlyph verdict={v} shape={shape} /> {verdictLabel(v)}
          </li>
        ))}
      </ul>
    </div>
  );
}
