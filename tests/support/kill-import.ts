/**
 * Fault injection for the CLI import: start `tracker import`, wait until its
 * transaction spills into the WAL, SIGKILL its whole process group; then inspect what is left.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { openDatabase } from "@/db/index";
import { verifyLog } from "@/db/verify-log";
import type { BundleInput } from "@/lib/bundle/bundle-schema";
import type { ChainVerdict } from "@/lib/hash-chain";
import { NODE, trackerArgs } from "./tsx-command";

const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

export interface KillResult {
  killed: boolean;
  exitCode: number | null;
  walBytes: number;
  stderr: string;
}

export async function killImportMidway(options: {
  root: string;
  databaseFile: string;
  bundleFile: string;
  /** Kill once the WAL has grown by this much (the import's transaction is being written). */
  walGrowthBytes: number;
  /** Then wait this long before the kill (0: at once). */
  extraDelayMs?: number;
}): Promise<KillResult> {
  const wal = `${options.databaseFile}-wal`;
  const start = size(wal);
  const child = spawn(NODE, trackerArgs(["import", options.bundleFile]), {
    cwd: options.root,
    env: { ...process.env, DATABASE_URL: options.databaseFile, TRACKER_SEED: "none" },
    detached: true, // its own group: the kill reaches any process it started
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  let walBytes = 0;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return { killed: false, exitCode: child.exitCode, walBytes: size(wal), stderr };
    walBytes = size(wal);
    if (walBytes >= start + options.walGrowthBytes) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  if (options.extraDelayMs) await new Promise((r) => setTimeout(r, options.extraDelayMs));
  const stillRunning = child.exitCode === null && child.signalCode === null;
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    /* already gone */
  }
  await exited;
  return { killed: stillRunning && child.signalCode === "SIGKILL", exitCode: child.exitCode, walBytes, stderr };
}

export interface AfterCrash {
  integrity: string;
  chain: ChainVerdict;
  /** "absent", "complete", or a description of what is half there (never acceptable). */
  program: string;
}

/** Reopens the database as the app would (WAL recovery) and says what the import left. */
export async function checkAfterCrash(databaseFile: string, bundle: BundleInput): Promise<AfterCrash> {
  const db = await openDatabase(databaseFile);
  try {
    const integrity = db.$client.pragma("integrity_check", { simple: true }) as string;
    const chain = await verifyLog(db);
    const slug = bundle.program.slug;
    const q = (sql: string) => (db.$client.prepare(sql).get(slug) as { n: number }).n;
    const programs = q("SELECT COUNT(*) AS n FROM programs WHERE slug = ?");
    const items = q("SELECT COUNT(*) AS n FROM items JOIN programs p ON p.id = items.program_id WHERE p.slug = ?");
    const transitions = q("SELECT COUNT(*) AS n FROM transitions t JOIN items i ON i.id = t.item_id JOIN programs p ON p.id = i.program_id WHERE p.slug = ?");
    const logged = q("SELECT COUNT(*) AS n FROM audit_log WHERE program_slug = ?");
    const wanted = { items: bundle.items?.length ?? 0, transitions: bundle.transitions?.length ?? 0 };
    let program: string;
    if (programs === 0 && items === 0 && transitions === 0 && logged === 0) program = "absent";
    else if (programs === 1 && items === wanted.items && transitions === wanted.transitions && logged > items + transitions) program = "complete";
    else program = `partial: ${programs} program rows, ${items}/${wanted.items} items, ${transitions}/${wanted.transitions} transitions, ${logged} log entries`;
    return { integrity, chain, program };
  } finally {
    db.$client.close();
  }
}
