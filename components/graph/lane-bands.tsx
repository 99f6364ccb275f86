"use client";

import { useStore } from "@xyflow/react";
import type { Lane } from "@/lib/graph-lanes";

/**
 * One band per area behind the graph, following its pan and zoom. The area's name stays at the left
 * edge of the pane at a fixed readable size, whatever the zoom, in a layer above the edges (the
 * lane's header strip holds no node, so it covers none).
 */
export function LaneBands({ lanes, waitsOn }: { lanes: Lane[]; waitsOn: ReadonlyMap<string, readonly string[]> }) {
  const [, ty, zoom] = useStore((s) => s.transform);
  return (
    <>
      <div aria-hidden className="pointer-events-none absolute inset-0 overflow-hidden">
        {lanes.map((lane, i) => (
          <div
            key={lane.area}
            className={`absolute inset-x-0 border-b border-slate-200 ${i % 2 ? "bg-white" : "bg-slate-50"}`}
            style={{ top: lane.y * zoom + ty, height: lane.height * zoom }}
          />
        ))}
      </div>
      <div aria-hidden className="pointer-events-none absolute inset-0 z-[5] overflow-hidden">
        {lanes.map((lane) => {
          const others = waitsOn.get(lane.area) ?? [];
          return (
            <p
              key={lane.area}
              className="absolute left-2 max-w-[calc(100%-1rem)] truncate rounded bg-white/90 px-1 text-[12px] leading-4 text-slate-600"
              style={{ top: lane.y * zoom + ty + 4 }}
            >
              <span className="font-semibold text-slate-800">{lane.area}</span> · {lane.count} {lane.count === 1 ? "item" : "items"}
              {others.length > 0 && <> · waits on {others.join(", ")}</>}
            </p>
          );
        })}
      </div>
    </>
  );
}
