import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { findPerson } from "@/db/accounts/manage-users";
import { bootDatabase } from "@/db/boot";
import { ingestArtefacts } from "@/db/mutations/ingest-artefacts";
import { ARTEFACT_KINDS, ARTEFACT_MAX_BYTES, type ArtefactKind } from "@/lib/artefacts/artefact-types";
import { VET_FILE_NAMES } from "@/lib/artefacts/read-artefacts";
import { AppError } from "@/lib/errors";
import { readTextFile } from "./read-text-file";

const open = async () => await bootDatabase(undefined, (line) => process.stderr.write(`${line}\n`));

// What a folder given for each kind is searched for, in this order.
const IN_FOLDER: Record<ArtefactKind, string[]> = {
  coverage: ["lcov.info", "coverage.xml", "cobertura.xml"],
  cargo: ["Cargo.lock"],
  crashes: ["crash-buckets.csv", "crashes.csv"],
};

const readText = (file: string) => ({ name: path.basename(file), content: readTextFile(file, { maxBytes: ARTEFACT_MAX_BYTES }) });

/** The artefact a path names: the file itself, or the folder's file of that kind. */
function artefactAt(kind: ArtefactKind, given: string): string {
  if (!fs.existsSync(given) || !fs.statSync(given).isDirectory()) return given;
  const found = IN_FOLDER[kind].map((n) => path.join(given, n)).find((f) => fs.existsSync(f));
  if (!found) throw new AppError("invalid", `${given} holds none of ${IN_FOLDER[kind].join(", ")}`);
  return found;
}

export const INGEST_COMMAND = {
  ingest: {
    help: "ingest coverage|cargo|crashes <file-or-folder> --program SLUG [--vet supply-chain/] [--measured-at DATE] [--dry-run]   read an artefact into per-item signals",
    run: async (args: string[]) => {
      const { values, positionals } = parseArgs({
        args,
        strict: true,
        allowPositionals: true,
        options: { program: { type: "string" }, vet: { type: "string" }, "measured-at": { type: "string" }, "dry-run": { type: "boolean" } },
      });
      const [kind, given] = positionals;
      if (positionals.length !== 2 || !ARTEFACT_KINDS.includes(kind as ArtefactKind))
        throw new AppError("invalid", `expected: ingest ${ARTEFACT_KINDS.join("|")} <file-or-folder> --program SLUG`);
      if (!values.program) throw new AppError("invalid", "--program SLUG is required");
      if (values.vet && kind !== "cargo") throw new AppError("invalid", "--vet goes with ingest cargo");
      const files = [readText(artefactAt(kind as ArtefactKind, given!))];
      if (values.vet) {
        const vet = VET_FILE_NAMES.map((n) => path.join(values.vet!, n)).filter((f) => fs.existsSync(f));
        if (vet.length === 0) throw new AppError("invalid", `${values.vet} holds none of cargo-vet's ${VET_FILE_NAMES.join(", ")}`);
        files.push(...vet.map(readText));
      }
      const db = await open();
      // As for publish: TRACKER_ACTOR names the person when it is an account.
      const label = process.env.TRACKER_ACTOR ?? "cli";
      const person = label.includes("@") ? await findPerson(db, label) : undefined;
      const input = { files, ...(values["measured-at"] ? { measuredAt: values["measured-at"] } : {}) };
      const a = await ingestArtefacts(db, { slug: values.program, kind, input, actor: { id: person?.id ?? null, label }, dryRun: Boolean(values["dry-run"]) });
      const out: string[] = [
        `${a.dryRun ? "dry run, nothing written: would record" : "recorded"} ${a.figures.length} signals for "${a.program}" from ${a.files.map((f) => `${f.name} (sha256 ${f.sha256})`).join(", ")} by the ${a.tool}, measured ${a.measuredAt}`,
        ...a.figures.map((f) => `  ${f.item}  ${f.metric} = ${f.value}  (${f.detail})`),
        ...a.notes.map((n) => `note: ${n}`),
        a.unmapped.length === 0 ? "every entry is mapped to an item" : `unmapped (no item's components match): ${a.unmapped.length}`,
        ...a.unmapped.map((u) => `  ${u}`),
      ];
      process.stdout.write(`${out.join("\n")}\n`);
      return 0;
    },
  },
};
