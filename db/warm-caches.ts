import { endOfToday } from "@/lib/time";
import type { Db } from "./index";
import { rawAll } from "./raw-sql";
import { getDashboard } from "./queries/get-dashboard";
import { getPortfolio } from "./queries/get-portfolio";
import { getReadinessBytes } from "./queries/get-readiness";

export interface WarmResult {
  /** Programs whose default views (dashboard and readiness, as of today) were computed. */
  warmed: string[];
  /** Programs left cold because the time allowed ran out; their first reader computes them. */
  skipped: string[];
  /** Whether the home page's headlines were computed too (only when every program was). */
  portfolio: boolean;
  ms: number;
}

/**
 * Computes what the first readers after a restart ask for — each program's dashboard and
 * readiness as of today, then the home page — so that a new server answers them from memory.
 * The most recently written programs go first; a program is never started once `budgetMs` has
 * passed. The answers are memoised by the log head like any other, so a write during or after
 * the warm-up is never hidden.
 */
export async function warmCaches(db: Db, budgetMs: number, now = Date.now()): Promise<WarmResult> {
  const started = performance.now();
  const today = endOfToday(now);
  const warmed: string[] = [];
  const skipped: string[] = [];
  for (const slug of await programsByRecentWrite(db)) {
    if (performance.now() - started >= budgetMs) {
      skipped.push(slug);
      continue;
    }
    await getDashboard(db, slug, today, today);
    await getReadinessBytes(db, slug, today, today, null);
    warmed.push(slug);
  }
  const portfolio = skipped.length === 0 && performance.now() - started < budgetMs;
  if (portfolio) await getPortfolio(db, today, today);
  return { warmed, skipped, portfolio, ms: performance.now() - started };
}

/** Every program's slug, the one with the latest log entry first (the log's program index). */
async function programsByRecentWrite(db: Db): Promise<string[]> {
  // NULLS LAST: a program with no log entry goes last on both (PostgreSQL puts nulls first in DESC).
  const rows = await rawAll<{ slug: string }>(
    db,
    `SELECT p.slug FROM programs p
     ORDER BY (SELECT MAX(a.seq) FROM audit_log a WHERE a.program_slug = p.slug) DESC NULLS LAST, p.slug`,
  );
  return rows.map((r) => r.slug);
}

/** The warm-up's time allowance from TRACKER_WARM_SECONDS (default 30; 0 turns it off). */
export function warmBudgetMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRACKER_WARM_SECONDS;
  if (raw === undefined || raw === "") return 30_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`TRACKER_WARM_SECONDS must be a number of seconds, 0 or more, not "${raw}"`);
  return seconds * 1000;
}
