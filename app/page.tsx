import Link from "next/link";
import { requireSignedIn } from "@/app/_lib/auth";
import { getDb } from "@/db/get-db";
import { listPrograms } from "@/db/queries/list-programs";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  await requireSignedIn();
  const programs = listPrograms(getDb());
  return (
    <section>
      <h1 className="text-xl font-semibold">Programs</h1>
      {programs.length === 0 ? (
        <p className="mt-4 text-slate-600">No program yet. Import a bundle with <code>npm run tracker -- import FILE</code>.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {programs.map((p) => (
            <li key={p.slug} className="p-3">
              <Link href={`/programs/${p.slug}`} className="font-medium text-indigo-700 hover:underline">
                {p.name}
              </Link>
              <span className="ml-2 text-slate-500">
                {p.slug} · {p.items} items
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
