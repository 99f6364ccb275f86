"use client";

import { useState } from "react";
import { ARTEFACT_KINDS, type ArtefactKind } from "@/lib/artefacts/artefact-types";
import { Button } from "../ui/button";
import { DateInput, Field, LabelledOptions, Select } from "../ui/field";
import { IngestProblem, IngestResultView, type IngestAnswer, type Problem } from "./ingest-result";
import { countOf } from "@/lib/artefacts/count-words";

const KIND_OPTIONS: { value: ArtefactKind; label: string; accept: string; hint: string }[] = [
  { value: "coverage", label: "Test coverage (LCOV or Cobertura XML)", accept: ".info,.lcov,.xml,text/plain,application/xml", hint: "lcov.info or coverage.xml: lines hit over the files each item's path globs match." },
  { value: "cargo", label: "Rust dependencies (Cargo.lock, with cargo-vet files)", accept: ".lock,.toml", hint: "Cargo.lock, and optionally cargo-vet's config.toml, audits.toml and imports.lock: third-party crates in each item's packages' closure, and how many are not vetted." },
  { value: "crashes", label: "Crash buckets (CSV)", accept: ".csv,text/csv", hint: "bucket, module, owner, hits, firstSeen, lastSeen: buckets of each item's modules seen in the 30 days before the measured date, and whether each has an owner." },
];

/**
 * Upload an artefact, read the dry run (per item, the figure it would record and how it was
 * reached; what matched no item), then record it. Nothing is written until the confirmation.
 */
export function IngestForm({ slug }: { slug: string }) {
  const [kind, setKind] = useState<ArtefactKind>("coverage");
  const [files, setFiles] = useState<{ name: string; content: string }[]>([]);
  const [measuredAt, setMeasuredAt] = useState("");
  const [preview, setPreview] = useState<IngestAnswer | null>(null);
  const [recorded, setRecorded] = useState<IngestAnswer | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const option = KIND_OPTIONS.find((o) => o.value === kind)!;

  function reset() {
    setPreview(null);
    setRecorded(null);
    setProblem(null);
  }

  async function send(dryRun: boolean) {
    setBusy(true);
    setProblem(null);
    const res = await fetch(`/api/programs/${encodeURIComponent(slug)}/ingest/${kind}${dryRun ? "?dryRun=1" : ""}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ files, ...(measuredAt ? { measuredAt } : {}) }),
    });
    const body = await res.json().catch(() => ({ detail: `the server answered ${res.status}` }));
    setBusy(false);
    if (!res.ok) {
      setPreview(null);
      setProblem({ ...body, status: res.status });
      return;
    }
    if (dryRun) setPreview(body);
    else {
      setPreview(null);
      setRecorded(body);
    }
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Artefact" hint={option.hint}>
          <Select
            name="kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ArtefactKind);
              setFiles([]);
              reset();
            }}
          >
            <LabelledOptions options={KIND_OPTIONS.filter((o) => ARTEFACT_KINDS.includes(o.value))} />
          </Select>
        </Field>
        <DateInput label="Measured on" name="measuredAt" value={measuredAt} onChange={(e) => (setMeasuredAt(e.target.value), reset())} hint="When the figures were true; empty means now." />
        <Field label={kind === "cargo" ? "Files (Cargo.lock, and cargo-vet's files if any)" : "File"} className="block sm:col-span-2">
          {/* A new kind clears the chosen files: the input is drawn again, so it never shows a file the form dropped. */}
          <input
            key={kind}
            type="file"
            name="files"
            multiple={kind === "cargo"}
            accept={option.accept}
            className="mt-1 block w-full text-sm"
            onChange={async (e) => {
              const chosen = [...(e.target.files ?? [])];
              setFiles(await Promise.all(chosen.map(async (f) => ({ name: f.name, content: await f.text() }))));
              reset();
            }}
          />
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy || files.length === 0} onClick={() => send(true)}>
          Dry run
        </Button>
        {preview && (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => send(false)}>
            Record {countOf(preview.figures.length, "signal")}
          </Button>
        )}
      </div>
      {problem && <IngestProblem problem={problem} />}
      {preview && <IngestResultView answer={preview} slug={slug} />}
      {recorded && <IngestResultView answer={recorded} slug={slug} />}
    </div>
  );
}
