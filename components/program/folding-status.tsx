/** What a program page shows while its history is folded. */
export function FoldingStatus() {
  return (
    <p role="status" className="animate-pulse text-slate-600">
      Folding the history…
    </p>
  );
}
