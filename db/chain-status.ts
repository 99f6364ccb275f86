import { ChainChecker, type ChainCheck, type CheckOptions, type LogState } from "@/lib/chain-checker";
import { connectionLocation, isPostgres, type Db } from "./index";
import { rawGet } from "./raw-sql";
import { verifyLog } from "./verify-log";
import { verifyLogInWorker } from "./verify-log-in-worker";

const OPTIONS: Record<"api" | "page", CheckOptions> = {
  // GET /api/audit/verify answers with the entry count and head, so it wants our own appends
  // checked too. It waits a moment for a fresh verdict (a short log is checked by then), else
  // answers the last one with `checking: true`; but never before the first verdict exists, since
  // an unchecked chain is not "ok".
  api: { waitMs: 250, waitForFirst: true, ownAppendsMatter: true },
  // The tamper banner needs only the verdict, which our own appends cannot break: a page waits
  // only after another connection changed the file, which is rare (the CLI) and may be a tamper,
  // so it waits longer for the banner to be right on the very next page. Until the first verdict
  // exists, a page says the check is in progress.
  page: { waitMs: 2000, waitForFirst: false, ownAppendsMatter: false },
};

// One checker per connection (data_version counts changes made by *other* connections than this
// one), kept on globalThis so every route bundle and dev hot reload share it.
const cache = globalThis as unknown as { trackerChainCheckers?: WeakMap<object, ChainChecker> };

/**
 * The log's verdict (DESIGN §9), computed off the request thread — in a worker with its own
 * read-only connection — one run at a time. Callers get the last verdict while a newer one is made
 * (`checking`); a run starts only when the log changed since the last: written by another
 * connection (a tamperer with sqlite3 included), or, for the API, appended to by us.
 */
export async function chainStatus(db: Db, use: "api" | "page"): Promise<ChainCheck> {
  const check = (await checkerFor(db)).check(await logState(db), OPTIONS[use]);
  if (use === "api") return check;
  // A page still renders when the check cannot run (logged below); the banner says so.
  return check.catch(() => ({ verdict: null, checking: false, checkedAt: null }));
}

async function checkerFor(db: Db): Promise<ChainChecker> {
  const client = db.$client;
  cache.trackerChainCheckers ??= new WeakMap();
  let checker = cache.trackerChainCheckers.get(client);
  if (!checker) {
    // A private in-memory database (tests) has no file for a worker to open; PostgreSQL's worker
    // opens a read-only connection of its own and reads the log in pages.
    const inMemory = !isPostgres(db) && client.memory;
    const location = connectionLocation(db);
    const verify = async () => (inMemory || (await isShortLog(db)) ? await verifyLog(db) : await verifyLogInWorker(location));
    checker = new ChainChecker(() =>
      verify().catch((error: unknown) => {
        console.error("tracker: the history log could not be checked:", error);
        throw error;
      }),
    );
    cache.trackerChainCheckers.set(client, checker);
  }
  return checker;
}

/**
 * A log this short, with no stored files, is checked on the request thread: it takes well under a
 * millisecond, where a worker thread would cost tens of MiB to start (a new database's first check,
 * before its program is imported, is one).
 */
export const SHORT_LOG_ENTRIES = 100;

async function isShortLog(db: Db): Promise<boolean> {
  const row = await rawGet<{ seq: number | null; files: number }>(
    db,
    `SELECT (SELECT seq FROM log_anchor WHERE id = 1) AS seq, (SELECT count(*) FROM (SELECT 1 FROM artefacts LIMIT 1) AS one) AS files`,
  );
  return Number(row?.seq ?? 0) <= SHORT_LOG_ENTRIES && Number(row?.files ?? 0) === 0;
}

async function logState(db: Db): Promise<LogState> {
  if (isPostgres(db)) return await postgresLogState(db);
  // SQLite counts commits by other connections to the file (a tamperer with sqlite3 included).
  const dataVersion = db.$client.pragma("data_version", { simple: true }) as number;
  const anchor = await rawGet<{ seq: number; hash: string }>(db, "SELECT seq, hash FROM log_anchor WHERE id = 1");
  return { dataVersion, head: anchor ? `${anchor.seq}:${anchor.hash}` : "" };
}

/**
 * PostgreSQL has no count of other connections' commits. Every instance's writes move the head;
 * an edit of the log behind its triggers (the only way to change an entry) moves the table's
 * update and delete counters, which the statistics publish within about a second. Those counters
 * can be reset, so the log is also checked again every CHAIN_RECHECK_SECONDS (300) regardless.
 */
async function postgresLogState(db: Db): Promise<LogState> {
  const row = await rawGet<{ seq: number | null; hash: string | null; changed: number }>(
    db,
    `SELECT (SELECT seq FROM log_anchor WHERE id = 1) AS seq, (SELECT hash FROM log_anchor WHERE id = 1) AS hash,
            COALESCE((SELECT n_tup_upd + n_tup_del FROM pg_stat_all_tables WHERE relid = 'audit_log'::regclass), 0) AS changed`,
  );
  const period = Math.floor(Date.now() / (recheckSeconds() * 1000));
  return { dataVersion: Number(row?.changed ?? 0) * 1_000_000 + (period % 1_000_000), head: row?.seq != null ? `${row.seq}:${row.hash}` : "" };
}

function recheckSeconds(): number {
  const value = Number(process.env.CHAIN_RECHECK_SECONDS ?? 300);
  return Number.isFinite(value) && value > 0 ? value : 300;
}
