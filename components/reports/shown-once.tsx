/** A secret shown once beside the sentence that says what to do with it (a signing secret, a feed address). */
export function ShownOnce({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <p className="rounded bg-emerald-50 p-2 text-emerald-900">
      {label}: <code data-testid={testId} className="break-all rounded bg-white px-1 font-mono">{value}</code>
    </p>
  );
}
