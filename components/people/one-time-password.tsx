/** A one-time password, shown once beside the sentence that says what to do with it. */
export function OneTimePassword({ value }: { value: string }) {
  return (
    <p className="rounded bg-emerald-50 p-2 text-emerald-900">
      One-time password: <code data-testid="one-time-password" className="break-all rounded bg-white px-1 font-mono text-base">{value}</code>
    </p>
  );
}
