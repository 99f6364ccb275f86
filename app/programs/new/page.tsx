import type { Metadata } from "next";
import { createProgramAction } from "@/app/_actions/programs";
import { adminPage } from "@/app/_lib/admin-page";
import { CreateProgramForm } from "@/components/admin/program-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New program" };

export default function NewProgramPage() {
  return adminPage(() => {
    return (
      <section className="space-y-4">
        <h1 className="text-xl font-semibold">New program</h1>
        <CreateProgramForm serverAction={createProgramAction} />
      </section>
    );
  });
}
