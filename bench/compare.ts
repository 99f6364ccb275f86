/**
 * `npm run bench:compare -- BEFORE.json[,MORE.json…] AFTER.json[,MORE.json…] [--tolerance 0.1]`:
 * the figures of the later run(s) more than the tolerance worse than the earlier one(s), each side
 * the per-figure median of its runs, with the machine factor.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { compareRuns, describeComparison, medianRun, type RunRecord } from "./compare-runs";

function readRuns(list: string): { runs: RunRecord[]; files: string[] } {
  const files = list.split(",").filter(Boolean);
  return {
    files,
    runs: files.map((file) => {
      try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as RunRecord;
      } catch (error) {
        throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  };
}

try {
  const { values, positionals } = parseArgs({ options: { tolerance: { type: "string", default: "0.1" } }, allowPositionals: true });
  const tolerance = Number(values.tolerance);
  if (positionals.length !== 2 || !(tolerance >= 0)) throw new Error("usage: npm run bench:compare -- BEFORE.json[,MORE.json…] AFTER.json[,MORE.json…] [--tolerance 0.1]");
  const before = readRuns(positionals[0]!);
  const after = readRuns(positionals[1]!);
  // Units come with each measurement in a run record: the comparison leaves out timings under 5 ms.
  const units = Object.fromEntries(
    [...before.runs, ...after.runs].flatMap((r) => r.measurements.map((m) => [m.id, (m as { unit?: string }).unit ?? ""])),
  );
  const name = before.files.length === 1 ? before.files[0]! : `the median of ${before.files.join(", ")}`;
  const lines = describeComparison(compareRuns(medianRun(before.runs), medianRun(after.runs), tolerance, units), name);
  if (after.files.length > 1) lines.splice(1, 0, `  (later side: the median of ${after.files.join(", ")})`);
  process.stdout.write(`${lines.join("\n")}\n`);
} catch (error) {
  process.stderr.write(`bench:compare: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
