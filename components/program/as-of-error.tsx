/** A malformed asOf or knownAt in the page's URL (app/_lib/page-view.ts), said in words: the page shows today instead. */
export function AsOfError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="rounded bg-red-50 p-2 text-red-800">
      {error}. Showing today.
    </p>
  );
}
