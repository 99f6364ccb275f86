import fs from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { bootDatabase } from "@/db/boot";
import { exportBundle } from "@/db/export-bundle";
import { importBundle } from "@/db/import-bundle";
import { verifyLog } from "@/db/verify-log";
import { AppError } from "@/lib/errors";

type Command = (args: string[]) => number | Promise<number>;

const open = () => bootDatabase(undefined, (line) => process.stderr.write(`${line}\n`));

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError("invalid", `cannot read ${file}: ${code === "ENOENT" ? "no such file" : code ?? "unreadable"}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("invalid", `${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function positional(args: string[], options: ParseArgsConfig["options"], what: string) {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  if (parsed.positionals.length !== 1) throw new AppError("invalid", `expected ${what}`);
  return { value: parsed.positionals[0]!, flags: parsed.values as Record<string, string | boolean | undefined> };
}

const COMMANDS: Record<string, { help: string; run: Command }> = {
  import: {
    help: "import <file> [--dry-run]      import a program bundle (all or nothing)",
    run: (args) => {
      const { value: file, flags } = positional(args, { "dry-run": { type: "boolean" } }, "one bundle file: import <file>");
      const summary = importBundle(open(), readJsonFile(file), { actor: process.env.TRACKER_ACTOR ?? null, dryRun: Boolean(flags["dry-run"]) });
      const c = summary.counts;
      process.stdout.write(
        `${summary.dryRun ? "dry run, nothing written: would import" : "imported"} program "${summary.program}": ` +
          `${c.items} items, ${c.dependencies} dependencies, ${c.transitions} transitions (${c.verifications} verified), ` +
          `${c.evidence} evidence, ${c.signals} signals, ${c.claims} claims, ${c.people} people (${c.newPeople} new)\n`,
      );
      return 0;
    },
  },
  export: {
    help: "export <slug> [--out file]     write a program bundle (stdout by default)",
    run: (args) => {
      const { value: slug, flags } = positional(args, { out: { type: "string" } }, "a program slug: export <slug>");
      const text = `${JSON.stringify(exportBundle(open(), slug), null, 2)}\n`;
      if (typeof flags.out === "string") {
        fs.writeFileSync(flags.out, text);
        process.stderr.write(`wrote ${flags.out}\n`);
      } else process.stdout.write(text);
      return 0;
    },
  },
  "verify-log": {
    help: "verify-log                     recompute the hash chain of the history log",
    run: (args) => {
      if (args.length > 0) throw new AppError("invalid", "verify-log takes no arguments");
      const verdict = verifyLog(open());
      if (verdict.ok) {
        process.stdout.write(`log intact: ${verdict.entries} entries, head ${verdict.head}\n`);
        return 0;
      }
      process.stderr.write(`log BROKEN at entry #${verdict.firstBad!.seq}: ${verdict.firstBad!.reason}\n`);
      return 1;
    },
  },
};

export function usage(): string {
  return `usage: npm run tracker -- <command>\n\n${Object.values(COMMANDS)
    .map((c) => `  ${c.help}`)
    .join("\n")}\n\nDATABASE_URL selects the SQLite file (default data/tracker.db).\n`;
}

export function runCommand(name: string, args: string[]): number | Promise<number> {
  const command = COMMANDS[name];
  if (!command) throw new AppError("invalid", `unknown command "${name}" (try: npm run tracker -- help)`);
  try {
    return command.run(args);
  } catch (e) {
    // parseArgs throws TypeErrors with codes for unknown or malformed options: one line is enough.
    if ((e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) throw new AppError("invalid", (e as Error).message);
    throw e;
  }
}
