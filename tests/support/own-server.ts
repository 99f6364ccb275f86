/**
 * A server of a test's own (ports 3120–3139, moved by ownPort), for tests that must kill, tamper
 * with or reconfigure it without disturbing the shared Playwright server: a fresh database
 * prepared like scripts/e2e-server.mjs does (demo program, test accounts, one token per role) — a
 * file under tests/.tmp, or a new database on the run's PostgreSQL server when the run is on
 * PostgreSQL — then the built app (`next start`) in a process group of its own, its output captured.
 *
 * Preparing a database takes seconds (a process, the migrations, the demo program), and a run
 * starts a score of these servers: each process prepares one template and copies it for each
 * server — a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "./sql-on";
import type { TestRole } from "./test-accounts";
import { tokensFileFor } from "./tokens-file";
import { NODE, trackerArgs, tsxArgs } from "./tsx-command";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/**
 * The port of a test's own server: `base` (3120–3139) moved as far as the run's main server is from
 * 3100 (E2E_PORT), so that runs side by side (npm test runs three) never meet on a port.
 */
export function ownPort(base: number): number {
  return base + Number(process.env.E2E_PORT ?? 3100) - 3100;
}

export interface OwnServerOptions {
  port: number;
  /** Extra environment for the server (e.g. TOKEN_RATE_LIMIT). */
  env?: Record<string, string>;
  /** Use this database (a file path or a URL) instead of a fresh one (it must exist). */
  databaseUrl?: string;
  /** Ready when /api/health says ok (default), or as soon as anything answers on the port. */
  readyWhen?: "healthy" | "listening";
}

export class OwnServer {
  readonly baseURL: string;
  /** The database the server runs on, as DATABASE_URL names it. */
  readonly databaseUrl: string;
  readonly password: string;
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  /** Everything the server wrote on stdout and stderr, across restarts. */
  output = "";

  private constructor(
    readonly port: number,
    databaseUrl: string,
    password: string,
    private readonly env: Record<string, string>,
    private readonly readyWhen: "healthy" | "listening" = "healthy",
  ) {
    this.baseURL = `http://127.0.0.1:${port}`;
    this.databaseUrl = databaseUrl;
    this.password = password;
  }

  /** Prepares a fresh database (unless one is given) and starts the server on it. */
  static async start(options: OwnServerOptions): Promise<OwnServer> {
    const password = process.env.TEST_PASSWORD ?? `pw-own-${process.pid}-${Date.now()}`;
    const url = options.databaseUrl ?? (await preparedDatabase(`own-${options.port}-${Date.now()}`, password));
    const server = new OwnServer(options.port, url, password, options.env ?? {}, options.readyWhen);
    await server.launch();
    return server;
  }

  /** The per-role tokens written by prepare-test-database.ts. */
  tokens(): Record<TestRole, string> {
    return JSON.parse(fs.readFileSync(tokensFileFor(this.databaseUrl), "utf8"));
  }

  async launch(): Promise<void> {
    if (await isUp(this.baseURL)) throw new Error(`port ${this.port} is already serving: stop the stray server first`);
    // A long keep-alive: the tests block for seconds in synchronous CLI calls, and a socket the
    // server closed meanwhile would fail the next request with EPIPE.
    const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(this.port), "--keepAliveTimeout", "120000"], {
      cwd: ROOT,
      // Every test signs in from 127.0.0.1: the per-address sign-in limit is set where it is tested.
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SIGN_IN_ADDRESS_LIMIT: "10000", DATABASE_URL: this.databaseUrl, ...this.env },
      detached: true, // its own process group, so a SIGKILL reaches every process of it
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout!.on("data", (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the server on port ${this.port} exited (${child.exitCode ?? child.signalCode}):\n${this.output}`);
      if (await isUp(this.baseURL, this.readyWhen)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server on port ${this.port} did not answer within 60 s:\n${this.output}`);
  }

  /** Sends `signal` to the server's whole process group and waits for it to exit. */
  async kill(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* already gone */
    }
    const timeout = new Promise((r) => setTimeout(r, 10_000));
    await Promise.race([this.exited, timeout]);
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
      await this.exited;
    }
    this.child = null;
  }

  /** Stops the server and removes its database files (a PostgreSQL database goes with its throwaway server). */
  async dispose(): Promise<void> {
    await this.kill("SIGTERM");
    fs.rmSync(tokensFileFor(this.databaseUrl), { force: true });
    if (!isPostgresUrl(this.databaseUrl)) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${this.databaseUrl}${suffix}`, { force: true });
  }
}

async function isUp(baseURL: string, readyWhen: "healthy" | "listening" = "healthy"): Promise<boolean> {
  try {
    const res = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(1000) });
    return readyWhen === "listening" || res.ok;
  } catch {
    return false;
  }
}

/**
 * A name for a new, empty database of the run's kind: a file path under tests/.tmp, or a database
 * created on the PostgreSQL server E2E_DATABASE_URL is on (a copy of `template` when given).
 */
export async function freshDatabase(name: string, template?: string): Promise<string> {
  const shared = process.env.E2E_DATABASE_URL ?? "";
  if (!isPostgresUrl(shared)) {
    fs.mkdirSync(path.join(ROOT, "tests", ".tmp"), { recursive: true });
    return path.join(ROOT, "tests", ".tmp", `${name}.db`);
  }
  const admin = new URL(shared);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const database = name.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  try {
    await client.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await client.end();
  }
  const url = new URL(shared);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A new database of the run's kind holding what prepareDatabase makes (its tokens file beside it),
 * copied from this process's template for `password`, which the first call prepares.
 */
export async function preparedDatabase(name: string, password: string): Promise<string> {
  const template = await (templates.get(password) ?? remember(password, preparedTemplate(password)));
  const url = isPostgresUrl(template) ? await freshDatabase(name, new URL(template).pathname.slice(1)) : await freshDatabase(name);
  if (!isPostgresUrl(template)) fs.copyFileSync(template, url);
  fs.copyFileSync(tokensFileFor(template), tokensFileFor(url));
  return url;
}

const templates = new Map<string, Promise<string>>();
function remember(password: string, template: Promise<string>): Promise<string> {
  templates.set(password, template);
  return template;
}

async function preparedTemplate(password: string): Promise<string> {
  const url = await freshDatabase(`own-template-${process.pid}-${templates.size}`);
  prepareDatabase(url, password);
  if (!isPostgresUrl(url)) {
    // Everything in the main file, so that copying it alone copies the database.
    const db = new Database(url);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
  }
  return url;
}

/** What scripts/e2e-server.mjs does before serving: migrations, demo, test accounts, tokens. */
export function prepareDatabase(file: string, password: string): void {
  const r = spawnSync(NODE, tsxArgs("tests/support/prepare-test-database.ts"), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: file, TEST_PASSWORD: password },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`prepare-test-database failed:\n${r.stdout}\n${r.stderr}`);
}

/** Runs the tracker CLI against the database `databaseUrl` names: { code, stdout, stderr }. */
export function trackerCli(databaseUrl: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(NODE, trackerArgs(args), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * New API tokens for existing accounts, made by the CLI on `databaseUrl`'s database (the running server
 * sees them at once). Tests use their own tokens so the per-token rate limit of the shared ones
 * is left to the other suites.
 */
export function mintTokens(databaseUrl: string, emails: string[]): { token: string; id: number; email: string }[] {
  const r = spawnSync(NODE, tsxArgs("tests/support/mint-tokens.ts", emails), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`mint-tokens failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}
