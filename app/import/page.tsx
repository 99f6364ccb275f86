import type { Metadata } from "next";
import { adminPage } from "@/app/_lib/admin-page";
import { ImportBundleForm } from "@/components/admin/import-bundle-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import a bundle" };

export default function ImportPage() {
  return adminPage(() => {
    return (
      <section className="max-w-3xl space-y-4">
        <h1 className="text-xl font-semibold">Import a program bundle</h1>
        <p className="text-slate-700">
          An import is all or nothing: every rule holds (evidence gates, four eyes, no dependency cycle, known people and
          items) or nothing is written. Check it first; the dry run lists what would be created, or every problem by path.
        </p>
        <ImportBundleForm />
      </section>
    );
  });
}
