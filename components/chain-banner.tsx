import type { ChainVerdict } from "@/lib/hash-chain";

/** Shown on every page while the history log does not verify. */
export function ChainBanner({ verdict }: { verdict: ChainVerdict }) {
  if (verdict.ok) return null;
  return (
    <div role="alert" className="bg-red-700 px-4 py-2 text-white" data-testid="chain-broken">
      <strong>The history log does not verify.</strong> Entry #{verdict.firstBad!.seq}: {verdict.firstBad!.reason}. Figures may
      not be trustworthy; run <code>npm run tracker -- verify-log</code> and restore a verified backup.
    </div>
  );
}
