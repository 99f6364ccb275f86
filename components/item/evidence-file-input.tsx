"use client";

import { useState } from "react";
import { ARTEFACT_MAX_BYTES } from "@/lib/artefacts/artefact-types";

/**
 * A file for one evidence row. One over 10 MiB is refused here, in words, before anything is sent;
 * the server checks again. `onChoose` gets the chosen file's name ("" for none).
 */
export function EvidenceFileInput({ index, onChoose }: { index: number; onChoose: (name: string) => void }) {
  const [error, setError] = useState("");
  return (
    <label className="block sm:col-span-4">
      <span className="text-xs text-slate-700">Evidence {index + 1} file (optional, at most 10 MiB; a JUnit XML test report shows its totals)</span>
      <input
        type="file"
        name="evidenceFile"
        aria-label={`Evidence ${index + 1} file`}
        aria-invalid={error !== "" || undefined}
        className="mt-1 block w-full max-w-full text-sm"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file && file.size > ARTEFACT_MAX_BYTES) {
            e.target.value = "";
            setError(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MiB: a file may be at most 10 MiB.`);
            onChoose("");
            return;
          }
          setError("");
          // An empty file is no file: the server reads it so too.
          onChoose(file && file.size > 0 ? file.name : "");
        }}
      />
      {error && (
        <span role="alert" className="mt-0.5 block text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
