import type { ReactNode } from "react";
import { requireSignedIn } from "@/app/_lib/auth";
import { orNotFound } from "@/app/_lib/or-not-found";
import { ProgramFrame } from "@/components/program/program-frame";
import { getDb } from "@/db/get-db";
import { getProgramOrThrow } from "@/db/queries/get-program-or-throw";

export default async function ProgramLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const person = await requireSignedIn();
  const { slug } = await params;
  const program = await orNotFound(async () => await getProgramOrThrow(await getDb(), slug));
  return (
    <ProgramFrame program={{ slug, name: program.name }} role={person.role}>
      {children}
    </ProgramFrame>
  );
}
