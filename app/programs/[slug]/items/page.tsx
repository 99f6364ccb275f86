import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/status-badge";
import { requireSignedIn } from "@/app/_lib/auth";
import { getDb } from "@/db/get-db";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { computeItemStatuses } from "@/lib/compute-item-statuses";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: `Items · ${slug}` };
}

export default async function ItemsPage({ params }: Props) {
  await requireSignedIn();
  const { slug } = await params;
  const history = loadProgramHistory(getDb(), slug);
  if (!history) notFound();
  const now = Date.now();
  const rows = computeItemStatuses(history.items, now, now).filter((i) => i.inProgram);
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/programs/${slug}`} className="text-indigo-700 hover:underline">
          ← {history.program.name}
        </Link>
      </p>
      <h1 className="text-xl font-semibold">Items ({rows.length})</h1>
      {rows.length === 0 ? (
        <p className="text-slate-600">This program has no work items yet.</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2 font-medium">key</th>
                <th className="px-3 py-2 font-medium">title</th>
                <th className="px-3 py-2 font-medium">area</th>
                <th className="px-3 py-2 font-medium">owner</th>
                <th className="px-3 py-2 text-right font-medium">estimateWeeks</th>
                <th className="px-3 py-2 font-medium">trueStatus</th>
                <th className="px-3 py-2 font-medium">reportedStatus</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => (
                <tr key={i.key} className="border-t border-slate-100">
                  <td className="px-3 py-1.5 font-mono">{i.key}</td>
                  <td className="px-3 py-1.5">{i.title}</td>
                  <td className="px-3 py-1.5">{i.area}</td>
                  <td className="px-3 py-1.5">
                    {i.ownerName ?? <span className="font-medium text-red-700">unowned</span>}
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{i.estimateWeeks}</td>
                  <td className="px-3 py-1.5">
                    <StatusBadge status={i.trueStatus} />
                  </td>
                  <td className="px-3 py-1.5">
                    <StatusBadge status={i.reportedStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
