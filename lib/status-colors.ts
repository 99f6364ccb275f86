import type { Status } from "./status";

/** One colour per status for charts, the graph and the PDF (status badges use the matching Tailwind hues). */
export const STATUS_COLORS: Record<Status, string> = {
  not_started: "#94a3b8",
  design: "#38bdf8",
  build: "#6366f1",
  validate: "#f59e0b",
  rollout: "#f97316",
  done: "#10b981",
};
