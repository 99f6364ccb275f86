import type { Metadata } from "next";
import { createProgramAction } from "@/app/_actions/programs";
import { requireSignedIn } from "@/app/_lib/auth";
import { CreateProgramForm } from "@/components/admin/program-forms";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New program" };

export default async function NewProgramPage() {
  const person = await requireSignedIn();
  if (!can(person.role, "admin")) return <Forbidden needs="admin" role={person.role} />;
  return (
    <section className="space-y-4">
      <h1 className="text-xl font-semibold">New program</h1>
      <CreateProgramForm serverAction={createProgramAction} />
    </section>
  );
}
