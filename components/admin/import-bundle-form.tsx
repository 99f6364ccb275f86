"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}
interface Summary {
  program: string;
  counts: Record<string, number>;
}

/** Upload a bundle, see the dry run (what would be created, or every error by path), then confirm. */
export function ImportBundleForm() {
  const router = useRouter();
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<Summary | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(dryRun: boolean) {
    if (text === null) return;
    setBusy(true);
    setProblem(null);
    const res = await fetch(`/api/programs/import${dryRun ? "?dryRun=1" : ""}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });
    const body = await res.json().catch(() => ({ detail: `the server answered ${res.status}` }));
    setBusy(false);
    if (!res.ok) {
      setPreview(null);
      setProblem(body);
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
          <p className="font-medium">{fileName} cannot be imported: {problem.detail}</p>
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
      {preview && (
        <div role="status" className="space-y-2 rounded bg-emerald-50 p-3 text-emerald-950">
          <p className="font-medium">
            Dry run passed: importing creates program <code>{preview.program}</code> with
          </p>
          <ul className="grid grid-cols-2 gap-x-6 sm:grid-cols-4" aria-label="What will be created">
            {Object.entries(preview.counts).map(([k, v]) => (
              <li key={k}>
                {v} {k}
              </li>
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
