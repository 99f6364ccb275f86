import type { ReactNode } from "react";
import { DEMO_PROGRAM_SLUG } from "@/lib/demo";
import { DemoProvenance } from "./demo-provenance";
import type { Role } from "@/lib/auth/roles";
import { ProgramNav } from "./program-nav";
import { programSections } from "./program-sections";

/** A program's name and navigation above one of its pages (or above the words of its 404). */
export function ProgramFrame({ program, role, children }: { program: { slug: string; name: string }; role: Role; children: ReactNode }) {
  return (
    <div className="space-y-4">
      <div>
        <p className="text-xs uppercase tracking-wide text-slate-600">Program</p>
        <p className="text-lg font-semibold">{program.name}</p>
      </div>
      {/* Not in a Suspense boundary: every program page is rendered per request, so the server
          draws the navigation in place (a streamed one stays hidden in a browser without script). */}
      <ProgramNav slug={program.slug} sections={programSections(role)} />
      {program.slug === DEMO_PROGRAM_SLUG && <DemoProvenance />}
      {children}
    </div>
  );
}
