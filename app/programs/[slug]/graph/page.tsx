import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { pageView, type SearchParams } from "@/app/_lib/page-view";
import { DependencyGraph } from "@/components/graph/dependency-graph";
import { IllustrativeMark } from "@/components/ui/illustrative-mark";
import { AsOfError } from "@/components/program/as-of-error";
import { getDb } from "@/db/get-db";
import { getReadiness } from "@/db/queries/get-readiness";
import { loadSnapshot } from "@/db/queries/load-snapshot";
import { parseGraphFocus } from "@/lib/graph-focus";
import { buildGraphView } from "@/lib/graph-view";
import { isIllustrative } from "@/lib/evidence-horizon";
import { formatDate } from "@/lib/time";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await programTitle((await params).slug, "Dependency graph") };
}

export default async function GraphPage({ params, searchParams }: Props) {
  await requireSignedIn();
  const { slug } = await params;
  const { search, view, asOf, knownAt, error } = await pageView(searchParams);
  const db = await getDb();
  // One snapshot (memoised by log head) serves the items and the readiness behind the critical path.
  const { listed: items, program } = await orNotFound(async () => await loadSnapshot(db, slug, asOf, knownAt));
  const illustrativeAfter = isIllustrative(program.factsUntil, asOf) ? formatDate(program.factsUntil!) : null;
  const { criticalPath } = await getReadiness(db, slug, asOf, knownAt);
  const graph = buildGraphView(items, criticalPath.keys);
  // A linked view (area, item, focus) opens as it was; anything the program does not know is dropped.
  const param = (k: string) => (typeof search[k] === "string" ? (search[k] as string) : "");
  const area = graph.areas.some((a) => a.area === param("area")) ? param("area") : "";
  const item = items.some((i) => i.key === param("item") && (!area || i.area === area)) ? param("item") : null;
  const focus = parseGraphFocus(param("focus"), item !== null);
  return (
    <section className="space-y-3">
      <div>
        <h1 className="text-xl font-semibold">Dependency graph</h1>
        <p className="text-slate-600">
          As of <strong data-testid="as-of">{formatDate(asOf)}</strong>
          {view.knownAt ? ` as known at ${formatDate(knownAt)}` : ", with everything known today"}
          {illustrativeAfter && (
            <>
              {" "}
              <IllustrativeMark factsUntil={illustrativeAfter} />
            </>
          )}
        </p>
      </div>
      <AsOfError error={error} />
      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">
          {view.asOf
            ? "No work item was in this program on that date, so there is no dependency graph to draw."
            : "This program has no work items yet, so there is no dependency graph to draw. An admin adds them on the Items page (“Add an item”) or through the API."}
        </p>
      ) : (
        <DependencyGraph
          slug={slug}
          nodes={graph.nodes}
          edges={graph.edges}
          areas={graph.areas}
          criticalPath={{ keys: criticalPath.keys, remainingWeeks: criticalPath.remainingWeeks }}
          initial={{ area, item, focus }}
          illustrativeAfter={illustrativeAfter}
        />
      )}
    </section>
  );
}
