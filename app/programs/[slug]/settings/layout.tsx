import type { ReactNode } from "react";
import { requirePagePermission } from "@/app/_lib/page-permission";

/**
 * Settings are an admin's. Checked here as well as in the page: the page renders inside its
 * loading boundary, whose fallback is sent before the page runs, so only a check above it can
 * still make the answer a 403.
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("admin");
  return children;
}
