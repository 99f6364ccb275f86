import { can, type Permission, type Role } from "@/lib/auth/roles";

export interface ProgramSection {
  /** The path under /programs/{slug}; "" is the dashboard. */
  page: string;
  label: string;
}

const SECTIONS: (ProgramSection & { needs: Permission })[] = [
  { page: "", label: "Dashboard", needs: "read" },
  { page: "items", label: "Items", needs: "read" },
  { page: "graph", label: "Graph", needs: "read" },
  { page: "timeline", label: "Timeline", needs: "read" },
  { page: "claims", label: "Claims", needs: "read" },
  { page: "reports", label: "Reports", needs: "read" },
  { page: "ingest", label: "Ingest", needs: "report" },
  { page: "settings", label: "Settings", needs: "admin" },
];

/** The program's sections a role opens: a tab that would only say "Not allowed" is not offered. */
export function programSections(role: Role): ProgramSection[] {
  return SECTIONS.filter(({ needs }) => can(role, needs)).map(({ page, label }) => ({ page, label }));
}
