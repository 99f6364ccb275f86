import { statusLabel } from "@/lib/labels";
import type { Status } from "@/lib/status";

const STYLE: Record<Status, string> = {
  not_started: "bg-slate-100 text-slate-700 ring-slate-300",
  design: "bg-sky-50 text-sky-800 ring-sky-300",
  build: "bg-indigo-50 text-indigo-800 ring-indigo-300",
  validate: "bg-amber-50 text-amber-900 ring-amber-300",
  rollout: "bg-orange-50 text-orange-900 ring-orange-300",
  done: "bg-emerald-50 text-emerald-800 ring-emerald-300",
};

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${STYLE[status]}`}>{statusLabel(status)}</span>
  );
}
