import { Suspense, type ReactNode } from "react";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { DemoProvenance } from "@/components/program/demo-provenance";
import { ProgramNav } from "@/components/program/program-nav";
import { programSections } from "@/components/program/program-sections";
import { getDb } from "@/db/get-db";
import { getProgramOrThrow } from "@/db/queries/get-program-or-throw";
import { DEMO_PROGRAM_SLUG } from "@/lib/demo";

export default async function ProgramLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const person = await requireSignedIn();
  const { slug } = await params;
  const program = await orNotFound(async () => await getProgramOrThrow(await getDb(), slug));
  return (
    <div className="space-y-4">
      <div>
        <p className="text-xs uppercase tracking-wide text-slate-600">Program</p>
        <p className="text-lg font-semibold">{program.name}</p>
      </div>
      <Suspense>
        <ProgramNav slug={slug} sections={programSections(person.role)} />
      </Suspense>
      {slug === DEMO_PROGRAM_SLUG && <DemoProvenance />}
      {children}
    </div>
  );
}
