/**
 * A throwaway PostgreSQL 15 server for the tests: Debian's binaries (scripts/ensure-postgres.sh
 * installs them), a new data folder under the system's temporary folder, a free port on
 * 127.0.0.1, trust authentication for the user `tracker`, durability off (the data dies with the
 * test). initdb refuses to run as root, so as root the server runs as the `postgres` user.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";
const USER = "tracker";

export interface LocalPostgres {
  port: number;
  /** Its folder (data, socket, log): what stopLocalPostgres needs from another process. */
  dir: string;
  /** A new, empty database; its connection URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

export async function startLocalPostgres(): Promise<LocalPostgres> {
  if (!fs.existsSync(path.join(BIN, "initdb")))
    throw new Error(`PostgreSQL 15 is not installed (no ${BIN}/initdb): run bash scripts/ensure-postgres.sh (as root it installs it with apt)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  const run = runner(dir);
  const port = await freePort();
  run("initdb", ["-D", data, "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"];
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-o", options.join(" "), "-w", "-t", "60", "start"]);
  let stopped = false;
  return {
    port,
    dir,
    async createDatabase(name) {
      const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, database: "postgres" });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await admin.end();
      }
      return `postgres://${USER}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      stopLocalPostgres(dir);
    },
  };
}

/** Stops the server startLocalPostgres started in `dir` and removes the folder. */
export function stopLocalPostgres(dir: string): void {
  try {
    runner(dir)("pg_ctl", ["-D", path.join(dir, "data"), "-m", "immediate", "-w", "stop"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one of PostgreSQL's programs in `dir`, as the `postgres` user when we are root. */
function runner(dir: string) {
  const asRoot = process.getuid?.() === 0;
  return (program: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : path.join(BIN, program), asRoot ? ["-u", "postgres", "--", path.join(BIN, program), ...args] : args, {
      stdio: ["ignore", "pipe", "pipe"],
      cwd: dir,
    });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
