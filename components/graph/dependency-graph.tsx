"use client";

import "@xyflow/react/dist/style.css";
import { MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { formatWeeks } from "@/lib/format";
import { LANE_SIZES, layoutLanes } from "@/lib/graph-lanes";
import type { GraphFocus } from "@/lib/graph-focus";
import { GRAPH_ARROWS, nextGraphKey, type GraphArrow } from "@/lib/graph-keyboard";
import { ancestorsOf, descendantsOf } from "@/lib/graph-lineage";
import type { GraphArea, GraphEdge, GraphNode } from "@/lib/graph-view";
import { viewportFor, type Box } from "@/lib/graph-viewport";
import { statusLabel } from "@/lib/labels";
import { STATUS_COLORS } from "@/lib/status-colors";
import { GraphLegend } from "./graph-legend";
import { ItemCard } from "./item-card";
import { ItemNode, type ItemFlowNode } from "./item-node";
import { LaneBands } from "./lane-bands";
import { countOf } from "@/lib/artefacts/count-words";

type Focus = GraphFocus;

const nodeTypes = { item: ItemNode };
// The graph opens, and every focus move lands, at the zoom its text was sized for (11–12 px at 1).
const READABLE_ZOOM = 1;
const CRITICAL = "#be123c";
const LARGE_GRAPH = 300;

const KEYS_HELP =
  "Arrow keys move between items: left and right within the item's area, up and down to the row above or below. Enter opens the item. Space selects it for the focus buttons; Escape clears the selection.";
const ARIA_LABELS = {
  "node.a11yDescription.default": KEYS_HELP,
  "node.a11yDescription.keyboardDisabled": KEYS_HELP,
};

export interface DependencyGraphProps {
  slug: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  areas: GraphArea[];
  criticalPath: { keys: string[]; remainingWeeks: number };
  /** The view the URL asked for (already checked against the program). */
  initial?: { area: string; item: string | null; focus: Focus };
  /** The evidence horizon when the view's date lies past it (DESIGN §13): every status is illustrative. */
  illustrativeAfter?: string | null;
}

/** The dependency graph: areas as rows, dependencies flowing left to right, a card for the item in hand. */
export function DependencyGraph(props: DependencyGraphProps) {
  return (
    <ReactFlowProvider>
      <Graph {...props} />
    </ReactFlowProvider>
  );
}

const nodeIdOf = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.classList.contains("react-flow__node") ? (target.dataset.id ?? null) : null;

function Graph({ slug, nodes, edges, areas, criticalPath, initial = { area: "", item: null, focus: "all" }, illustrativeAfter = null }: DependencyGraphProps) {
  const router = useRouter();
  const flow = useReactFlow();
  const paneRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const [ready, setReady] = useState(false);
  const [area, setArea] = useState(initial.area);
  const [selected, setSelected] = useState<string | null>(initial.item);
  const [hovered, setHovered] = useState<string | null>(null);
  const [focusedNode, setFocusedNode] = useState<string | null>(null);
  const [focusChoice, setFocusChoice] = useState<Focus>(initial.focus);
  const focus: Focus = (focusChoice === "ancestors" || focusChoice === "descendants") && !selected ? "all" : focusChoice;

  const byKey = useMemo(() => new Map(nodes.map((n) => [n.key, n])), [nodes]);
  const dependsOn = useMemo(() => {
    const map = new Map<string, string[]>(nodes.map((n) => [n.key, []]));
    for (const e of edges) map.get(e.to)?.push(e.from);
    return map;
  }, [nodes, edges]);
  const waitsOn = useMemo(() => new Map(areas.map((a) => [a.area, a.waitsOn])), [areas]);
  const shown = useMemo(() => (area ? nodes.filter((n) => n.area === area) : nodes), [area, nodes]);
  const shownEdges = useMemo(() => {
    const keys = new Set(shown.map((n) => n.key));
    return edges.filter((e) => keys.has(e.from) && keys.has(e.to));
  }, [shown, edges]);
  const layout = useMemo(() => layoutLanes(shown, shownEdges), [shown, shownEdges]);

  // Where each shown item sits, for the arrow keys (lib/graph-keyboard.ts).
  const placed = useMemo(() => {
    const lane = new Map(layout.lanes.map((l, i) => [l.area, i]));
    return shown.map((n) => ({ key: n.key, lane: lane.get(n.area)!, ...layout.positions.get(n.key)! }));
  }, [shown, layout]);

  const lineageOf = useCallback(
    (f: Focus, key: string | null) => (!key ? null : f === "ancestors" ? ancestorsOf(dependsOn, key) : f === "descendants" ? descendantsOf(dependsOn, key) : null),
    [dependsOn],
  );
  const highlightOf = useCallback(
    (f: Focus, key: string | null) => {
      if (f === "critical") return new Set(criticalPath.keys);
      const lineage = lineageOf(f, key);
      return lineage && key ? new Set([key, ...lineage]) : null;
    },
    [criticalPath.keys, lineageOf],
  );
  const lineage = useMemo(() => lineageOf(focus, selected), [lineageOf, focus, selected]);
  const highlighted = useMemo(() => highlightOf(focus, selected), [highlightOf, focus, selected]);

  const flowNodes = useMemo<ItemFlowNode[]>(() => {
    const lane = new Map(layout.lanes.map((l, i) => [l.area, i]));
    const at = (n: GraphNode) => layout.positions.get(n.key)!;
    // Tab order reads the graph as a person does: area by area, left to right, top to bottom.
    const ordered = [...shown].sort((a, b) => lane.get(a.area)! - lane.get(b.area)! || at(a).x - at(b).x || at(a).y - at(b).y);
    return ordered.map((n) => ({
      id: n.key,
      type: "item",
      position: at(n),
      width: LANE_SIZES.nodeWidth,
      height: LANE_SIZES.nodeHeight,
      data: { item: n, dimmed: highlighted !== null && !highlighted.has(n.key), selected: n.key === selected },
      ariaLabel: `${n.key} ${n.title}. True status ${statusLabel(n.trueStatus)}, reported ${statusLabel(n.reportedStatus)}.${n.critical ? " On the critical path." : ""}${n.ownerName === null ? " Unowned." : ""}`,
    }));
  }, [shown, layout, highlighted, selected]);

  const flowEdges = useMemo<Edge[]>(
    () =>
      shownEdges.map((e) => {
        const lit = highlighted === null || (highlighted.has(e.from) && highlighted.has(e.to));
        const critical = e.critical && (focus === "all" || focus === "critical");
        const color = critical ? CRITICAL : highlighted && lit ? "#334155" : "#94a3b8";
        return {
          id: `${e.from}->${e.to}`,
          source: e.from,
          target: e.to,
          focusable: false,
          selectable: false,
          zIndex: critical || (highlighted && lit) ? 1 : 0,
          style: { stroke: color, strokeWidth: critical ? 2 : highlighted && lit ? 1.5 : 1, opacity: lit ? 1 : 0.12 },
          markerEnd: { type: MarkerType.ArrowClosed, color, width: 14, height: 14 },
        };
      }),
    [shownEdges, highlighted, focus],
  );

  const pane = useCallback(() => ({ width: paneRef.current?.clientWidth ?? 0, height: paneRef.current?.clientHeight ?? 0 }), []);
  const show = useCallback(
    (box: Box, keep?: Box) => void flow.setViewport(viewportFor(box, pane(), Math.max(flow.getZoom(), READABLE_ZOOM), 16, keep), { duration: 250 }),
    [flow, pane],
  );
  const boundsOf = useCallback(
    (keys: Iterable<string>): Box | null => {
      const points = [...keys].map((k) => layout.positions.get(k)).filter((p) => p !== undefined);
      if (points.length === 0) return null;
      const x = Math.min(...points.map((p) => p.x));
      const y = Math.min(...points.map((p) => p.y));
      const right = Math.max(...points.map((p) => p.x)) + LANE_SIZES.nodeWidth;
      const bottom = Math.max(...points.map((p) => p.y)) + LANE_SIZES.nodeHeight;
      return { x, y: y - LANE_SIZES.laneHeader, width: right - x, height: bottom - y + LANE_SIZES.laneHeader };
    },
    [layout],
  );

  // Opens (and reopens after a filter) at the readable zoom on the top-left, where the graph starts;
  // a view linked with a focus or an item opens on that instead (see onInit).
  const openedOnLink = useRef(false);
  useEffect(() => {
    if (!ready) return;
    if (openedOnLink.current) openedOnLink.current = false;
    else void flow.setViewport(viewportFor({ x: 0, y: 0, width: layout.width, height: layout.height }, pane(), READABLE_ZOOM, 0));
  }, [ready, layout, flow, pane]);

  // The view stays in the URL, so it can be linked and bookmarked; asOf and knownAt ride along.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const put = (k: string, v: string | null) => (v ? params.set(k, v) : params.delete(k));
    put("area", area);
    put("item", selected);
    put("focus", focus === "all" ? null : focus);
    const query = params.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, "", url);
  }, [area, selected, focus]);

  // Moves come from what a person did (a focus button, the item list), never from a re-render.
  const reveal = (f: Focus, key: string | null) => {
    const keys = highlightOf(f, key);
    const box = keys && boundsOf(keys);
    // A lineage is about its item: keep that in sight even when the lineage is larger than the pane.
    if (box) show(box, (f !== "critical" && key && boundsOf([key])) || undefined);
  };
  const chooseFocus = (f: Focus) => {
    setFocusChoice(f);
    reveal(f, selected);
  };
  const select = (key: string | null, fromList = false) => {
    setSelected(key);
    if (!key && (focusChoice === "ancestors" || focusChoice === "descendants")) setFocusChoice("all");
    if (!key || !fromList) return;
    if (focus === "ancestors" || focus === "descendants") reveal(focus, key);
    else {
      const box = boundsOf([key]);
      if (box) show(box);
    }
  };
  const filterArea = (next: string) => {
    setArea(next);
    if (next && selected && byKey.get(selected)?.area !== next) select(null);
  };
  const open = (key: string) => router.push(`/programs/${slug}/items/${encodeURIComponent(key)}`);

  // React Flow pans a node into view when it takes keyboard focus; past LARGE_GRAPH a node out of
  // view is not drawn, so the view goes to it first and the focus follows once it is.
  const focusNode = (key: string) => {
    const element = () => paneRef.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(key)}"]`);
    const drawn = element();
    if (drawn) return drawn.focus();
    const p = layout.positions.get(key);
    if (!p) return;
    void flow
      .setCenter(p.x + LANE_SIZES.nodeWidth / 2, p.y + LANE_SIZES.nodeHeight / 2, { zoom: flow.getZoom() })
      .then(() => requestAnimationFrame(() => element()?.focus()));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const key = nodeIdOf(event.target);
    if (!key) return;
    if (GRAPH_ARROWS.includes(event.key)) {
      event.preventDefault();
      const next = nextGraphKey(placed, key, event.key as GraphArrow);
      if (next) focusNode(next);
    } else if (event.key === "Enter") open(key);
    else if (event.key === " ") {
      event.preventDefault();
      select(selected === key ? null : key);
    } else if (event.key === "Escape") select(null);
  };

  const cardKey = hovered ?? focusedNode ?? selected;
  const cardItem = cardKey ? byKey.get(cardKey) : undefined;
  const selectedItem = selected ? byKey.get(selected) : undefined;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <div>
          <label htmlFor={`${id}-area`} className="block text-xs text-slate-600">
            Area
          </label>
          <select id={`${id}-area`} value={area} onChange={(e) => filterArea(e.target.value)} className="block max-w-full rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">All areas ({countOf(nodes.length, "item")})</option>
            {areas.map((a) => (
              <option key={a.area}>{a.area}</option>
            ))}
          </select>
        </div>
        <div className="min-w-0 max-w-full">
          <label htmlFor={`${id}-item`} className="block text-xs text-slate-600">
            Item
          </label>
          <select
            id={`${id}-item`}
            value={selected ?? ""}
            onChange={(e) => select(e.target.value || null, true)}
            className="block w-72 max-w-full rounded border border-slate-300 bg-white px-2 py-1"
          >
            <option value="">None selected</option>
            {shown.map((n) => (
              <option key={n.key} value={n.key}>
                {n.key} · {n.title}
              </option>
            ))}
          </select>
        </div>
        <div role="group" aria-label="Focus" className="flex flex-wrap items-center gap-1">
          <span className="mr-1 text-xs text-slate-600">Focus</span>
          <FocusButton on={focus === "all"} onClick={() => chooseFocus("all")}>
            Everything
          </FocusButton>
          <FocusButton on={focus === "critical"} disabled={criticalPath.keys.length === 0} onClick={() => chooseFocus("critical")}>
            Critical path
          </FocusButton>
          <FocusButton on={focus === "ancestors"} disabled={!selected} onClick={() => chooseFocus("ancestors")}>
            What it depends on
          </FocusButton>
          <FocusButton on={focus === "descendants"} disabled={!selected} onClick={() => chooseFocus("descendants")}>
            What depends on it
          </FocusButton>
        </div>
      </div>
      <p role="status" className="text-xs text-slate-700" data-testid="graph-focus">
        {describeFocus({ focus, shown, area, lanes: layout.lanes.length, criticalPath, selected: selectedItem, lineage, byKey })}
      </p>
      <GraphLegend nodes={shown} illustrativeAfter={illustrativeAfter} />
      {/* A touch screen (a phone) has no keyboard to speak of: the help is for those that do. */}
      <p className="text-xs text-slate-600 pointer-coarse:hidden" data-testid="graph-keys">
        Keyboard: Tab reaches the items. {KEYS_HELP}
      </p>
      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div
          ref={paneRef}
          className="h-[70vh] min-h-80 overflow-hidden rounded border border-slate-200 bg-white"
          data-testid="graph"
          onKeyDown={onKeyDown}
          onFocus={(e: FocusEvent) => setFocusedNode(nodeIdOf(e.target))}
          onBlur={() => setFocusedNode(null)}
        >
          <ReactFlow
            nodes={flowNodes}
            edges={flowEdges}
            nodeTypes={nodeTypes}
            defaultViewport={{ x: 0, y: 0, zoom: READABLE_ZOOM }}
            onInit={() => {
              if (focus !== "all" || selected) {
                openedOnLink.current = true;
                if (focus !== "all") reveal(focus, selected);
                else select(selected, true);
              }
              setReady(true);
            }}
            minZoom={0.1}
            maxZoom={2}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            edgesFocusable={false}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            zoomOnDoubleClick={false}
            zoomOnScroll={false}
            panOnScroll
            ariaLabelConfig={ARIA_LABELS}
            onNodeClick={(_, node) => select(node.id === selected ? null : node.id)}
            onNodeDoubleClick={(_, node) => open(node.id)}
            onNodeMouseEnter={(_, node) => setHovered(node.id)}
            onNodeMouseLeave={() => setHovered(null)}
            onPaneClick={() => select(null)}
            // Past a few hundred items only what is in view is drawn; below that every node stays in
            // the page, so Tab reaches each one.
            onlyRenderVisibleElements={shown.length > LARGE_GRAPH}
            proOptions={{ hideAttribution: true }}
          >
            <LaneBands lanes={layout.lanes} waitsOn={waitsOn} />
          </ReactFlow>
        </div>
        {/* Beside the graph, never over it: the card cannot hide what the pointer is on. */}
        <aside aria-label="Overview and details" className="min-w-0 space-y-2">
          <MiniMap
            pannable
            zoomable
            ariaLabel="Minimap of the whole graph: click or drag to move the view"
            className="rounded border border-slate-200"
            // Out of the pane's corner and into the sidebar; the width must be a number for its scale.
            style={{ position: "static", margin: 0, width: 286, height: 200 }}
            // Outside the flow's wrapper its theme variables do not apply: colours given here.
            bgColor="#ffffff"
            maskColor="rgba(226, 232, 240, 0.65)"
            maskStrokeColor="#4338ca"
            maskStrokeWidth={2}
            nodeColor={(n) => STATUS_COLORS[(n as ItemFlowNode).data.item.trueStatus]}
            nodeStrokeColor={(n) => ((n as ItemFlowNode).data.item.critical ? CRITICAL : "#ffffff")}
            nodeStrokeWidth={8}
            onClick={(_, p) => void flow.setCenter(p.x, p.y, { zoom: flow.getZoom(), duration: 200 })}
          />
          <div role="group" aria-label="Zoom" className="flex flex-wrap gap-1">
            <ViewButton label="Zoom out" onClick={() => void flow.zoomOut({ duration: 200 })}>
              −
            </ViewButton>
            <ViewButton label="Zoom in" onClick={() => void flow.zoomIn({ duration: 200 })}>
              +
            </ViewButton>
            <ViewButton onClick={() => void flow.fitView({ duration: 250, padding: 0.02 })}>Whole graph</ViewButton>
            <ViewButton onClick={() => void flow.setViewport(viewportFor({ x: 0, y: 0, width: layout.width, height: layout.height }, pane(), READABLE_ZOOM, 0), { duration: 250 })}>
              Readable size
            </ViewButton>
          </div>
          {cardItem ? (
            <ItemCard
              item={cardItem}
              byKey={byKey}
              href={`/programs/${slug}/items/${encodeURIComponent(cardItem.key)}`}
              pinned={cardItem.key === selected}
              onClose={() => select(null)}
              illustrativeAfter={illustrativeAfter}
            />
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 p-3 text-xs text-slate-600">
              <span className="pointer-coarse:hidden">
                Point at an item, or move to it with Tab and the arrow keys, to see its owner, true and reported status, estimate and what it waits on. Click it
                to keep it here.
              </span>
              <span className="hidden pointer-coarse:inline">Tap an item to see its owner, true and reported status, estimate and what it waits on here.</span>
            </p>
          )}
        </aside>
      </div>
      <AreaSummary areas={areas} />
    </div>
  );
}

function ViewButton({ onClick, label, children }: { onClick: () => void; label?: string; children: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title={label}
      className="min-w-7 rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-50"
    >
      {children}
    </button>
  );
}

function FocusButton({ on, disabled, onClick, children }: { on: boolean; disabled?: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      disabled={disabled}
      onClick={onClick}
      className={`rounded border px-2 py-1 text-xs ${on ? "border-indigo-700 bg-indigo-50 font-medium text-indigo-800" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"} disabled:cursor-not-allowed disabled:text-slate-500`}
    >
      {children}
    </button>
  );
}

function AreaSummary({ areas }: { areas: GraphArea[] }) {
  return (
    <details className="text-xs text-slate-700">
      <summary className="cursor-pointer text-slate-700">Which area waits on which</summary>
      <ul className="mt-1 space-y-0.5">
        {areas.map((a) => (
          <li key={a.area}>
            <span className="font-medium text-slate-900">{a.area}</span>: {a.waitsOn.length ? `waits on ${a.waitsOn.join(", ")}` : "waits on no other area"}
          </li>
        ))}
      </ul>
    </details>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The focus in words, so it reads without the picture (and is announced when it changes). */
function describeFocus({
  focus,
  shown,
  area,
  lanes,
  criticalPath,
  selected,
  lineage,
  byKey,
}: {
  focus: Focus;
  shown: GraphNode[];
  area: string;
  lanes: number;
  criticalPath: DependencyGraphProps["criticalPath"];
  selected: GraphNode | undefined;
  lineage: string[] | null;
  byKey: ReadonlyMap<string, GraphNode>;
}): string {
  if (focus === "critical") {
    if (criticalPath.keys.length === 0) return "Nothing remains, so there is no critical path.";
    return `Critical path: ${count(criticalPath.keys.length, "item", "items")}, ${formatWeeks(criticalPath.remainingWeeks)} of work remaining: ${criticalPath.keys.join(" → ")}.`;
  }
  if (lineage && selected) {
    const shownKeys = new Set(shown.map((n) => n.key));
    const outside = lineage.filter((k) => !shownKeys.has(k)).length;
    const open = lineage.filter((k) => byKey.get(k)?.trueStatus !== "done").length;
    const notes = [`${open} not done`, ...(outside ? [`${outside} outside ${area}`] : [])].join(", ");
    if (focus === "ancestors")
      return lineage.length === 0
        ? `${selected.key} depends on no other item.`
        : `${selected.key} depends on ${count(lineage.length, "item", "items")}, directly or through others (${notes}).`;
    return lineage.length === 0
      ? `No item depends on ${selected.key}.`
      : `${count(lineage.length, "item depends", "items depend")} on ${selected.key}, directly or through others (${notes}).`;
  }
  return `${count(shown.length, "item", "items")} in ${count(lanes, "area", "areas")}${area ? ` (only ${area})` : ""}, one row each; dependencies flow left to right. Click an item to select it, double-click to open it.`;
}
