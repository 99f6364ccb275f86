import type { Status } from "./status";
import type { Verdict } from "./claims/claim-verdict";

/** One colour per status for charts, the graph and the PDF (status badges use the matching Tailwind hues). */
export const STATUS_COLORS: Record<Status, string> = {
  not_started: "#94a3b8",
  design: "#38bdf8",
  build: "#6366f1",
  validate: "#f59e0b",
  rollout: "#f97316",
  done: "#10b981",
};

/**
 * One colour per verdict for chart markers, green (supported) to red (contradicted), matching the
 * verdict chips' hues. Each is at least 3:1 against white; partly supported (light amber, dark
 * letter) and unsupported (dark rust, white letter) differ in lightness too, so they stay apart
 * in greyscale and for red-green colour blindness. The markers carry letters besides.
 */
export const VERDICT_COLORS: Record<Verdict, string> = {
  supported: "#059669",
  mostly_supported: "#65a30d",
  partly_supported: "#d97706",
  unsupported: "#9a3412",
  contradicted: "#be123c",
  unrated: "#64748b",
};
