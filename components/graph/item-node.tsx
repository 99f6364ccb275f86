"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import type { GraphNode } from "@/lib/graph-view";
import { statusLabel } from "@/lib/labels";
import { STATUS_COLORS } from "@/lib/status-colors";

export type ItemNodeData = { item: GraphNode; dimmed: boolean; selected: boolean };
export type ItemFlowNode = Node<ItemNodeData, "item">;

/** One work item: key, title and true status in words (colour repeats it, never carries it alone). */
export function ItemNode({ data: { item, dimmed, selected } }: NodeProps<ItemFlowNode>) {
  const border = item.critical ? "border-2 border-rose-700" : "border border-slate-300";
  return (
    <div
      className={`relative h-full w-full overflow-hidden rounded-md bg-white py-1 pl-3 pr-2 shadow-sm transition-opacity ${border} ${selected ? "ring-2 ring-indigo-600 ring-offset-1" : ""} ${dimmed ? "opacity-20" : ""}`}
      data-dimmed={dimmed || undefined}
    >
      <span aria-hidden className="absolute inset-y-0 left-0 w-1.5" style={{ background: STATUS_COLORS[item.trueStatus] }} />
      <div className="flex items-center gap-1.5 text-[12px] leading-4">
        <span className="font-semibold text-slate-900">{item.key}</span>
        <span className="ml-auto flex gap-1.5 text-[11px] font-medium">
          {item.ownerName === null && <span className="text-red-800">Unowned</span>}
          {item.critical && <span className="text-rose-800">◆ Critical</span>}
        </span>
      </div>
      <div className="truncate text-[12px] leading-4 text-slate-800" data-label>
        {item.title}
      </div>
      <div className="flex items-center gap-1 truncate text-[11px] leading-4 text-slate-700">
        <span aria-hidden className="inline-block h-2 w-2 shrink-0 rounded-sm" style={{ background: STATUS_COLORS[item.trueStatus] }} />
        {statusLabel(item.trueStatus)}
        {item.inflated && <span className="truncate text-amber-800">· reported {statusLabel(item.reportedStatus)}</span>}
      </div>
      <Handle type="target" position={Position.Left} isConnectable={false} className="!invisible" />
      <Handle type="source" position={Position.Right} isConnectable={false} className="!invisible" />
    </div>
  );
}
