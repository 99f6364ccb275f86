import type { ChainCheck } from "@/lib/chain-checker";

const VERIFY_COMMAND = <code>npm run tracker -- verify-log</code>;

/** Shown on every page while the history log does not verify, or is not checked yet. */
export function ChainBanner({ check }: { check: ChainCheck }) {
  const { verdict } = check;
  if (!verdict)
    return (
      <div className="bg-slate-100 px-4 py-2 text-slate-800" data-testid="chain-checking">
        {check.checking ? (
          <>The history log&apos;s integrity check is in progress: whether the log verifies is not known yet.</>
        ) : (
          <>The history log could not be checked; run {VERIFY_COMMAND}.</>
        )}
      </div>
    );
  if (verdict.ok) return null;
  return (
    <div role="alert" className="bg-red-700 px-4 py-2 text-white" data-testid="chain-broken">
      <strong>The history log does not verify.</strong> Entry #{verdict.firstBad!.seq}: {verdict.firstBad!.reason}. Figures may
      not be trustworthy; run {VERIFY_COMMAND} and restore a verified backup.
    </div>
  );
}
