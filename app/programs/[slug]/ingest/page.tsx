import type { Metadata } from "next";
import { programTitle } from "@/app/_lib/program-title";
import { requirePagePermission } from "@/app/_lib/page-permission";
import { IngestForm } from "@/components/ingest/ingest-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await programTitle((await params).slug, "Ingest an artefact") };
}

export default async function IngestPage({ params }: Props) {
  await requirePagePermission("report");
  const { slug } = await params;
  return (
    <section className="max-w-4xl space-y-4">
      <h1 className="text-xl font-semibold">Ingest an artefact</h1>
      <p className="text-slate-700">
        Quality figures read from what the engineering system already produces, not typed: each item&apos;s figure is computed over what
        its components match, and the file is kept by its SHA-256, so every figure traces back to its bytes. Try a dry run first.
      </p>
      <IngestForm slug={slug} />
    </section>
  );
}
