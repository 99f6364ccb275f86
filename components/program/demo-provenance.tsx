const PUBLIC_AND_INVENTED = (
  <>
    <p className="mt-1">
      From the public account: 64 key work items identified in late 2023 to reengineer the VM management stack for
      offload; by the end of 2024 none completed and about 60 not started; foundations (key-value store, tracing,
      logging, observability) among them; prototypes pulling in nearly a thousand largely unvetted third-party crates;
      test coverage under 40 %; crash buckets without owners; releases that added defects and were rolled back. The
      public claims, their dates and sources are real.
    </p>
    <p className="mt-1">
      Item names, owners, teams, estimates, dates of individual transitions and everything after 2024 are invented for
      illustration.
    </p>
  </>
);

/**
 * DESIGN §12: the demo says which facts are public and which are reconstruction. On a phone the
 * account folds under one line, so the program's own page starts on the first screen.
 */
export function DemoProvenance() {
  return (
    <aside className="rounded border border-amber-200 bg-amber-50 p-3 text-amber-950" aria-label="About this demo">
      <p className="font-medium">Demo program — an illustrative reconstruction.</p>
      <div className="hidden md:block">{PUBLIC_AND_INVENTED}</div>
      <details className="md:hidden">
        <summary className="mt-1 cursor-pointer">Public facts and claims are real; names, owners and dates are invented. What comes from where</summary>
        {PUBLIC_AND_INVENTED}
      </details>
    </aside>
  );
}
