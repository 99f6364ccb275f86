export default function Loading() {
  return (
    <p role="status" className="animate-pulse text-slate-600">
      Folding the history…
    </p>
  );
}
