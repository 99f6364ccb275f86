import Link from "next/link";

/** Any unknown page or program: a 404 with the app's navigation around it. */
export default function NotFound() {
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-slate-600">Nothing is here. The address may be mistyped, or the program was never imported.</p>
      <p>
        <Link href="/" className="text-indigo-700 underline">
          All programs
        </Link>
      </p>
    </section>
  );
}
