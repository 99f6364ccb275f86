import fs from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { findPerson } from "@/db/accounts/manage-users";
import { bootDatabase } from "@/db/boot";
import { publishReport } from "@/db/mutations/publish-report";
import { sendAndReport } from "./delivery-commands";
import { oneLine } from "./one-line";
import { readTextFile } from "./read-text-file";
import { exportWeeklyReport, REPORT_VERSIONS, type ReportVersion } from "@/db/queries/get-weekly-report";
import { verifyReportFile } from "@/db/queries/verify-report-file";
import { AppError } from "@/lib/errors";
import { PAPERS, type Paper } from "@/lib/report/print-page";
import { REPORT_FORMATS, type ReportFormat } from "@/lib/report/report-week";

type Command = (args: string[]) => number | Promise<number>;

const open = async () => await bootDatabase(undefined, (line) => process.stderr.write(`${line}\n`));

function parse(args: string[], options: ParseArgsConfig["options"], what: string) {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  if (parsed.positionals.length !== 1) throw new AppError("invalid", `expected ${what}`);
  return { value: parsed.positionals[0]!, flags: parsed.values as Record<string, string | boolean | undefined> };
}

function weekFlag(flags: Record<string, string | boolean | undefined>): string {
  if (typeof flags.week !== "string" || flags.week === "") throw new AppError("invalid", "--week YYYY-Www is required (e.g. --week 2024-W52)");
  return flags.week;
}

function oneOf<T extends string>(name: string, value: string | boolean | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value))
    throw new AppError("invalid", `--${name} must be one of ${allowed.join(", ")}`);
  return value as T;
}

const report: Command = async (args) => {
  const { value: slug, flags } = parse(
    args,
    { week: { type: "string" }, format: { type: "string" }, paper: { type: "string" }, out: { type: "string" }, version: { type: "string" } },
    "a program slug: report <slug> --week YYYY-Www --format md|csv|json|pdf|xlsx [--version current|published] [--out file]",
  );
  const format = oneOf<ReportFormat>("format", flags.format, REPORT_FORMATS, "md");
  const paper = oneOf<Paper>("paper", flags.paper, PAPERS, "a4");
  const version = oneOf<ReportVersion>("version", flags.version, REPORT_VERSIONS, "current");
  const out = typeof flags.out === "string" ? flags.out : null;
  if ((format === "pdf" || format === "xlsx") && !out && process.stdout.isTTY)
    throw new AppError("invalid", `a${format === "pdf" ? " PDF" : "n xlsx workbook"} is binary: write it to a file with --out FILE`);
  // The printer's browser outlives a print: close it, or the CLI would not exit.
  const file = await exportWeeklyReport(await open(), slug, weekFlag(flags), format, { paper, version });
  if (out) {
    fs.writeFileSync(out, file.body);
    process.stderr.write(`wrote ${out}\n`);
    return 0;
  }
  // tracker.ts exits right after: wait until a pipe has taken every byte (a JSON report is > 64 KiB).
  await new Promise<void>((resolve, reject) => process.stdout.write(file.body, (e) => (e ? reject(e) : resolve())));
  return 0;
};

const publish: Command = async (args) => {
  const { value: slug, flags } = parse(args, { week: { type: "string" }, send: { type: "boolean" } }, "a program slug: publish <slug> --week YYYY-Www [--send]");
  const db = await open();
  // The CLI acts as administrator (README); TRACKER_ACTOR names the person when it is an account.
  const label = process.env.TRACKER_ACTOR ?? "cli";
  const person = label.includes("@") ? await findPerson(db, label) : undefined;
  const p = await publishReport(db, { slug, week: weekFlag(flags), publisher: { id: person?.id ?? null, label, name: person?.name } });
  process.stdout.write(
    `published ${p.program} ${p.week}: markdown sha256 ${p.sha256}, log head at the cutoff ${p.logHeadAtCutoff}, at publication ${p.logHeadAtPublication}\n`,
  );
  // After the publication's own transaction: whatever happens to a delivery, the week stays published.
  return flags.send ? await sendAndReport(db, slug, p.week, "publish") : 0;
};

const MAX_LINES = 60;
/** A report file as the CLI reads it: UTF-8, at most 64 MiB. */
const readReportText = (file: string) => readTextFile(file, { what: "text: not a tracker report" });

const verifyReport: Command = async (args) => {
  const { value: file } = parse(args, {}, "one report file: verify-report <file>");
  const text = readReportText(file);
  const v = await verifyReportFile(await open(), text);
  const s = v.seal;
  const name = `${s.program} ${s.week} (${s.format === "md" ? "Markdown" : s.format.toUpperCase()})`;
  const lines: string[] = [];
  lines.push(
    s.sealIntact
      ? `digest OK: ${name} is as it was generated (sha256 ${s.sha256})`
      : `DIGEST MISMATCH: ${name} was changed after it was generated (it carries sha256 ${s.sha256}, its content gives ${s.computed})`,
  );
  if (s.stamp !== null) lines.push(`stamp: ${s.stamp}`);
  if (v.publication)
    lines.push(
      v.publication.matches
        ? `publication OK: the tracker published ${s.week} on ${v.publication.publishedAt} with this sha256 (${v.publication.sha256})`
        : v.publication.sha256
          ? `PUBLICATION MISMATCH: the stamp says published, but the tracker's publication of ${s.week} has sha256 ${v.publication.sha256}`
          : `PUBLICATION MISMATCH: the stamp says published, but the tracker holds no publication of ${s.week}`,
    );
  if (s.logHeadAtCutoff !== v.logHeadAtCutoff)
    lines.push(`log head at the cutoff: the file says ${s.logHeadAtCutoff}, the history gives ${v.logHeadAtCutoff}`);
  if (v.matches) lines.push(`MATCHES the history: regenerating ${s.week} today gives the same bytes (log head at the cutoff ${v.logHeadAtCutoff})`);
  else {
    lines.push(`DIFFERS from the history: regenerating ${s.week} today gives ${v.lines.length} different line${v.lines.length === 1 ? "" : "s"} ("-" in the file, "+" today):`);
    for (const l of v.lines.slice(0, MAX_LINES)) lines.push(`  ${l.op} ${String(l.line).padStart(4)}: ${l.text.replace(/\r$/, "")}`);
    if (v.lines.length > MAX_LINES) lines.push(`  … and ${v.lines.length - MAX_LINES} more`);
  }
  const ok = s.sealIntact && v.matches && (v.publication === null || v.publication.matches);
  (ok ? process.stdout : process.stderr).write(`${lines.join("\n")}\n`);
  return ok ? 0 : 1;
};

/** The weekly-report commands, registered in commands.ts. */
export const REPORT_COMMANDS: Record<string, { help: string; run: Command }> = {
  report: {
    help: "report <slug> --week YYYY-Www [--format md|csv|json|pdf|xlsx] [--paper a4|letter] [--version current|published] [--out file]\n                                 a weekly report (Markdown on stdout by default), stamped draft or published",
    run: oneLine(report),
  },
  publish: {
    help: "publish <slug> --week YYYY-Www [--send]  publish a week for good (Markdown + JSON, sha256, logged); --send then sends it to the subscriptions",
    run: oneLine(publish),
  },
  "verify-report": {
    help: "verify-report <file>           check a report file's digest and compare it with the history",
    run: oneLine(verifyReport),
  },
};
