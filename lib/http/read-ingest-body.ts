import { ARTEFACT_MAX_BYTES, type ArtefactKind } from "../artefacts/artefact-types";
import { AppError } from "../errors";
import { readBodyBytes, readJson, readText } from "./read-json";

// Room for a Cargo.lock and cargo-vet's three files, and the JSON around them.
const BODY_LIMIT = 4 * ARTEFACT_MAX_BYTES + 64 * 1024;

const DEFAULT_NAMES: Record<ArtefactKind, string> = { coverage: "lcov.info", cargo: "Cargo.lock", crashes: "crash-buckets.csv" };

/**
 * An ingestion request's body in one shape, `{ files: [{ name, content }], measuredAt? }`, however
 * it came: as that JSON; as multipart form data (every file part, and a `measuredAt` field); or as
 * the artefact itself, raw, named by `?name=` and dated by `?measuredAt=`.
 */
export async function readIngestBody(request: Request, kind: ArtefactKind): Promise<unknown> {
  const query = new URL(request.url).searchParams;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") return readJson(request, BODY_LIMIT);
  const measuredAt = query.get("measuredAt") ?? undefined;
  if (type === "multipart/form-data") {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > BODY_LIMIT) throw new AppError("too_large", `the body is larger than ${BODY_LIMIT} bytes`);
    // Counted as they arrive: a chunked upload has no length to refuse up front.
    const bytes = await readBodyBytes(request, BODY_LIMIT);
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
    } catch {
      throw new AppError("invalid", "the body is not readable multipart form data");
    }
    const files: { name: string; content: string }[] = [];
    for (const value of form.values()) {
      if (typeof value === "string") continue;
      if (value.size > ARTEFACT_MAX_BYTES) throw new AppError("too_large", `"${value.name}" is larger than 10 MiB`);
      files.push({ name: value.name || DEFAULT_NAMES[kind], content: await value.text() });
    }
    const field = form.get("measuredAt");
    return { files, ...(typeof field === "string" && field !== "" ? { measuredAt: field } : measuredAt ? { measuredAt } : {}) };
  }
  const content = await readText(request, ARTEFACT_MAX_BYTES);
  return { files: [{ name: query.get("name") ?? DEFAULT_NAMES[kind], content }], ...(measuredAt ? { measuredAt } : {}) };
}
