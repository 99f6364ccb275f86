import { installForwardedHeaderGuard } from "./app/_lib/forwarded-headers";
import { chainStatus } from "./db/chain-status";
import { resumeDeliveries } from "./db/delivery/resume-deliveries";
import { getDb } from "./db/get-db";
import { databaseTarget, type Db } from "./db/index";
import { warmBudgetMs, warmCaches } from "./db/warm-caches";
import { parseSignInConfig } from "./lib/auth/oidc-config";

/**
 * The server's start on Node.js: opens, migrates and (when fresh) seeds the database before the
 * first request, then computes the programs' default views, so the first readers after a restart
 * are answered from memory.
 */
export async function registerNode() {
  let warmBudget = 0;
  try {
    // Settings first: a bad value stops the start with one line, before anything is opened.
    databaseTarget();
    parseSignInConfig(process.env);
    warmBudget = warmBudgetMs();
  } catch (error) {
    cannotStart(error);
  }
  installForwardedHeaderGuard();
  try {
    // Start the first check of the history log now, in its worker, so the first request finds
    // a verdict rather than waiting for it.
    void chainStatus(await getDb(), "page");
  } catch (error) {
    // A server that cannot open its database (say, one migrated by a newer version) must not
    // start and answer 500 to everything: say why once and stop.
    cannotStart(error);
  }
  // Deliveries of published weeks a stopped server left unfinished are taken up again.
  const resumed = await resumeDeliveries(await getDb());
  if (resumed.ids.length > 0) console.log(`tracker: taking up ${resumed.ids.length} unfinished report deliveries`);
  resumed.done.catch((error: unknown) => console.error("report delivery:", error));
  await warmUp(await getDb(), warmBudget);
}

/** Next holds requests until register() returns: the server answers once the warm-up is done. */
async function warmUp(db: Db, budget: number) {
  if (budget === 0) return;
  try {
    const w = await warmCaches(db, budget);
    const left = w.skipped.length ? `; ${w.skipped.length} left for their first reader (TRACKER_WARM_SECONDS)` : "";
    console.log(`tracker: ${w.warmed.length} programs computed in ${(w.ms / 1000).toFixed(1)} s${left}`);
  } catch (error) {
    // A view that cannot be computed now fails again for its reader, with a proper answer there.
    console.error("tracker: warm-up stopped:", error instanceof Error ? error.message : error);
  }
}

function cannotStart(error: unknown): never {
  console.error(`tracker: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
