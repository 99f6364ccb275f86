/**
 * A one-time password, shown once beside the sentence that says what to do with it. It never
 * breaks across lines (a phone moves it whole to the next one): a password read off a screen in
 * two pieces is easily copied wrong.
 */
export function OneTimePassword({ value }: { value: string }) {
  return (
    <p className="rounded bg-emerald-50 p-2 text-emerald-900">
      One-time password: <code data-testid="one-time-password" className="inline-block whitespace-nowrap rounded bg-white px-1 font-mono text-base">{value}</code>
    </p>
  );
}
