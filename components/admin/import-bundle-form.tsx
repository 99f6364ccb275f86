"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { importCountWords, type ImportCounts } from "@/lib/bundle/import-count-words";

interface Problem {
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  /** With a 409 for a slug in use: a free one. */
  suggestedSlug?: string;
}
interface Summary {
  program: string;
  counts: ImportCounts;
}

/**
 * Upload a bundle, see the dry run (what would be created, or every error by path), then confirm.
 * A bundle whose slug is in use can go in under another slug: the field offers a free one.
 */
export function ImportBundleForm() {
  const router = useRouter();
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<Summary | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  /** The slug to import under instead of the bundle's; null until the bundle's slug is refused. */
  const [slug, setSlug] = useState<string | null>(null);

  async function send(dryRun: boolean) {
    if (text === null) return;
    setBusy(true);
    setProblem(null);
    const query = new URLSearchParams({ ...(dryRun ? { dryRun: "1" } : {}), ...(slug !== null ? { slug: slug.trim() } : {}) }).toString();
    const res = await fetch(`/api/programs/import${query ? `?${query}` : ""}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });
    const body = await res.json().catch(() => ({ detail: `the server answered ${res.status}` }));
    setBusy(false);
    if (!res.ok) {
      setPreview(null);
      setProblem({ ...body, status: res.status });
      // Offer a free slug once; after that the field keeps what the person typed.
      if (res.status === 409 && body.suggestedSlug && slug === null) setSlug(body.suggestedSlug);
      return;
    }
    if (dryRun) setPreview(body);
    else router.push(`/programs/${body.program}`);
  }

  return (
    <div className="space-y-3">
      <label className="block">
        <span className="text-slate-700">Bundle file (offload-tracker/v1 JSON)</span>
        <input
          type="file"
          accept="application/json,.json"
          className="mt-1 block"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setPreview(null);
            setProblem(null);
            setSlug(null);
            setFileName(file?.name ?? "");
            setText(file ? await file.text() : null);
          }}
        />
      </label>
      <button
        type="button"
        disabled={text === null || busy}
        onClick={() => send(true)}
        className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100 disabled:opacity-60"
      >
        Check (dry run)
      </button>
      {problem && (
        <div role="alert" className="rounded bg-red-50 p-3 text-red-900">
          {/* The API's detail opens with what the sentence already says. */}
          <p className="font-medium">
            {fileName} cannot be imported: {(problem.detail ?? "").replace(/^the bundle was not imported: /, "")}
          </p>
          {problem.errors && (
            <ul className="mt-1 list-disc pl-5" aria-label="Import errors">
              {problem.errors.map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {slug !== null && (
        <div className="space-y-2 rounded border border-slate-200 bg-white p-3">
          <Field label="Import under a new slug" hint="Lower-case letters, digits and dashes. The bundle file is not changed.">
            <Input
              name="slug"
              value={slug}
              onChange={(e) => {
                setSlug(e.target.value);
                setPreview(null);
              }}
            />
          </Field>
          <button
            type="button"
            disabled={busy || slug.trim() === ""}
            onClick={() => send(true)}
            className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100 disabled:opacity-60"
          >
            Check under this slug
          </button>
        </div>
      )}
      {preview && (
        <div role="status" className="space-y-2 rounded bg-emerald-50 p-3 text-emerald-950">
          <p className="font-medium">
            Dry run passed: importing creates program <code>{preview.program}</code> with
          </p>
          <ul className="grid grid-cols-2 gap-x-6 sm:grid-cols-4" aria-label="What will be created">
            {importCountWords(preview.counts).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Button
            type="button"
            disabled={busy}
            onClick={() => send(false)}
          >
            Import {preview.program}
          </Button>
        </div>
      )}
    </div>
  );
}
