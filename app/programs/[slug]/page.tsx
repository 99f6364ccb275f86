import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DemoProvenance } from "@/components/program/demo-provenance";
import { StatusCountsTable } from "@/components/program/status-counts-table";
import { requireSignedIn } from "@/app/_lib/auth";
import { getDb } from "@/db/get-db";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { computeItemStatuses, countByStatus } from "@/lib/compute-item-statuses";
import { DEMO_PROGRAM_SLUG } from "@/lib/demo";
import { formatDate } from "@/lib/time";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug };
}

export default async function DashboardPage({ params }: Props) {
  await requireSignedIn();
  const { slug } = await params;
  const history = loadProgramHistory(getDb(), slug);
  if (!history) notFound();
  const now = Date.now();
  const statuses = computeItemStatuses(history.items, now, now);
  const inProgram = statuses.filter((i) => i.inProgram);
  const counts = countByStatus(statuses);
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">{history.program.name}</h1>
        <p className="text-slate-600">
          As of {formatDate(now)}
          {history.program.targetDate ? ` · committed target ${formatDate(history.program.targetDate)}` : ""}
        </p>
      </div>
      {slug === DEMO_PROGRAM_SLUG && <DemoProvenance />}
      <dl className="flex gap-8">
        <div>
          <dt className="text-xs uppercase text-slate-500">items</dt>
          <dd className="text-3xl font-semibold tabular-nums" data-testid="total-items">
            {inProgram.length}
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase text-slate-500" title="True status done: verified by a second person">
            done (verified)
          </dt>
          <dd className="text-3xl font-semibold tabular-nums" data-testid="done-items">
            {counts.true.done}
          </dd>
        </div>
      </dl>
      {inProgram.length === 0 ? (
        <p className="text-slate-600">This program has no work items yet.</p>
      ) : (
        <StatusCountsTable counts={counts} />
      )}
      <p>
        <Link href={`/programs/${slug}/items`} className="text-indigo-700 hover:underline">
          All {inProgram.length} items →
        </Link>
      </p>
    </section>
  );
}
