import type { Metadata } from "next";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { DependencyGraph } from "@/components/graph/dependency-graph";
import { getDb } from "@/db/get-db";
import { getReadiness } from "@/db/queries/get-readiness";
import { queryItems, parseItemQuery } from "@/db/queries/query-items";
import { buildGraphView } from "@/lib/graph-view";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Graph · ${(await params).slug}` };
}

export default async function GraphPage({ params, searchParams }: Props) {
  await requireSignedIn();
  const { slug } = await params;
  const { view, asOf, knownAt } = await pageView(searchParams);
  const db = getDb();
  const items = orNotFound(() => queryItems(db, slug, parseItemQuery({ asOf: view.asOf, knownAt: view.knownAt })).all);
  const readiness = getReadiness(db, slug, asOf, knownAt);
  const graph = buildGraphView(items, readiness.criticalPath.keys);
  return (
    <section className="space-y-3">
      <h1 className="text-xl font-semibold">Dependency graph</h1>
      {items.length === 0 ? (
        <p className="text-slate-600">This program has no work items yet.</p>
      ) : (
        <DependencyGraph slug={slug} nodes={graph.nodes} edges={graph.edges} areas={[...new Set(items.map((i) => i.area))].sort()} />
      )}
    </section>
  );
}
