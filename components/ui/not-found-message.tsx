import Link from "next/link";

/** The body of a 404: what was not found, in words, and the way back. */
export function NotFoundMessage({ children }: { children: string }) {
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-slate-600">{children}</p>
      <p>
        <Link href="/" className="text-indigo-700 underline">
          All programs
        </Link>
      </p>
    </section>
  );
}
