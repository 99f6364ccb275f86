import Link from "next/link";

/** An unknown item or claim of a program: a 404 inside the program's navigation. */
export default function ProgramThingNotFound() {
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-slate-600">There is no item or claim by that name in this program. It may have been mistyped, or it belongs to another program.</p>
      <p>
        <Link href="/" className="text-indigo-700 underline">
          All programs
        </Link>
      </p>
    </section>
  );
}
