/**
 * Marks a figure or verdict computed for a date after the program's evidence horizon (DESIGN §13).
 * The word says it; the dashed border and colour only repeat it.
 */
export function IllustrativeMark({ factsUntil, testId = "illustrative-mark" }: { factsUntil: string; testId?: string }) {
  return (
    <span
      data-testid={testId}
      title={`Illustrative: computed for a date after the program's evidence horizon (facts until ${factsUntil}): invented continuation, not fact.`}
      className="inline-block cursor-help rounded border border-dashed border-amber-700 bg-amber-50 px-1 text-xs font-medium normal-case tracking-normal text-amber-900"
    >
      illustrative<span className="sr-only"> (after the evidence horizon, {factsUntil}: invented continuation, not fact)</span>
    </span>
  );
}
