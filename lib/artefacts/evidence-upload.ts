import { createHash } from "node:crypto";
import { AppError } from "../errors";
import type { EvidenceUpload } from "../validations/transition-input";
import { ARTEFACT_MAX_BYTES } from "./artefact-types";

/** A file for evidence, decoded and digested: what is stored, and what the log and answers name. */
export interface EvidenceFile {
  name: string;
  bytes: Buffer;
  sha256: string;
  size: number;
}

/** The upload's bytes (UTF-8 text or base64), refused with 413 past ARTEFACT_MAX_BYTES. `path` names the field. */
export function readEvidenceUpload(upload: EvidenceUpload, path: string): EvidenceFile {
  const bytes = upload.contentBase64 !== undefined ? Buffer.from(upload.contentBase64, "base64") : Buffer.from(upload.content ?? "", "utf8");
  if (bytes.length > ARTEFACT_MAX_BYTES)
    throw new AppError("too_large", `"${upload.name}" is ${bytes.length} bytes; a file attached to evidence may be at most ${ARTEFACT_MAX_BYTES} bytes (10 MiB)`, [
      { path, message: "the file is larger than 10 MiB" },
    ]);
  return { name: upload.name, bytes, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
}

/** How the log and the API name a stored file: never its bytes. */
export const artefactRef = (f: EvidenceFile) => ({ name: f.name, sha256: f.sha256, size: f.size });
