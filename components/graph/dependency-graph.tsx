"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, MiniMap, ReactFlow, type Edge, type Node } from "@xyflow/react";
import ELK from "elkjs/lib/elk.bundled.js";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import type { GraphEdge, GraphNode } from "@/lib/graph-view";
import { STATUS_COLORS } from "@/lib/status-colors";

const WIDTH = 150;
const HEIGHT = 44;
const elk = new ELK();

/** Layered (ELK) layout, dependencies on the left; computed in the browser, off the server. */
async function layout(nodes: GraphNode[], edges: GraphEdge[]) {
  const graph = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": "60",
      "elk.spacing.nodeNode": "14",
      "elk.edgeRouting": "POLYLINE",
    },
    children: nodes.map((n) => ({ id: n.key, width: WIDTH, height: HEIGHT })),
    edges: edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  });
  return new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

export function DependencyGraph({ slug, nodes, edges, areas }: { slug: string; nodes: GraphNode[]; edges: GraphEdge[]; areas: string[] }) {
  const router = useRouter();
  const [area, setArea] = useState("");
  // The layout answered for one set of shown nodes; a stale one is not drawn.
  const [laidOut, setLaidOut] = useState<{ for: GraphNode[]; positions: Map<string, { x: number; y: number }> } | null>(null);
  const shown = useMemo(() => (area ? nodes.filter((n) => n.area === area) : nodes), [area, nodes]);
  const shownEdges = useMemo(() => {
    const keys = new Set(shown.map((n) => n.key));
    return edges.filter((e) => keys.has(e.from) && keys.has(e.to));
  }, [shown, edges]);

  useEffect(() => {
    let live = true;
    layout(shown, shownEdges).then((positions) => live && setLaidOut({ for: shown, positions }));
    return () => {
      live = false;
    };
  }, [shown, shownEdges]);

  const positions = laidOut?.for === shown ? laidOut.positions : null;
  const flowNodes: Node[] = positions
    ? shown.map((n) => ({
        id: n.key,
        position: positions.get(n.key) ?? { x: 0, y: 0 },
        data: { label: `${n.key} · ${n.trueStatus}` },
        ariaLabel: `${n.key} ${n.title}: true ${n.trueStatus}, reported ${n.reportedStatus}${n.critical ? ", on the critical path" : ""}`,
        style: {
          width: WIDTH,
          height: HEIGHT,
          fontSize: 11,
          background: `${STATUS_COLORS[n.trueStatus]}33`,
          border: `${n.critical ? 3 : 1}px solid ${n.critical ? "#be123c" : STATUS_COLORS[n.trueStatus]}`,
          color: "#0f172a",
        },
      }))
    : [];
  const flowEdges: Edge[] = shownEdges.map((e) => ({
    id: `${e.from}->${e.to}`,
    source: e.from,
    target: e.to,
    style: { stroke: e.critical ? "#be123c" : "#94a3b8", strokeWidth: e.critical ? 2.5 : 1 },
    animated: false,
  }));

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-4">
        <label>
          <span className="text-xs text-slate-600">Area</span>
          <select value={area} onChange={(e) => setArea(e.target.value)} className="block rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">all areas ({nodes.length} items)</option>
            {areas.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <p className="text-xs text-slate-600">
          Colour: true status. Red outline: the critical path. Click an item to open it. Dependencies flow left to right.
        </p>
      </div>
      <div className="h-[70vh] rounded border border-slate-200 bg-white" data-testid="graph">
        {positions === null ? (
          <p role="status" className="p-4 text-slate-600">
            Laying out {shown.length} items…
          </p>
        ) : (
          <ReactFlow
            nodes={flowNodes}
            edges={flowEdges}
            fitView
            minZoom={0.05}
            nodesDraggable={false}
            nodesConnectable={false}
            onlyRenderVisibleElements
            onNodeClick={(_, node) => router.push(`/programs/${slug}/items/${encodeURIComponent(node.id)}`)}
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            <Controls showInteractive={false} />
            {shown.length > 40 && <MiniMap pannable zoomable />}
          </ReactFlow>
        )}
      </div>
    </div>
  );
}
