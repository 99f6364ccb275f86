/**
 * Where the time goes, without HTTP: imports a synthetic program into a file database under
 * bench/tmp/ (once; reused afterwards) and times the query and rule functions behind the hot
 * endpoints, each the median of a few runs. "cold" = a fresh database handle (no history cache).
 *
 *   npx tsx bench/profile.ts [--items 10000] [--seed 1] [--runs 5] [--db file]
 *
 * `--db` reuses a database that already holds the program `synthetic-<items>-<seed>` (e.g. one
 * left by `npm run bench` in bench/tmp/); otherwise bench/tmp/profile-<items>-<seed>.db is made.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    items: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    runs: { type: "string", default: "5" },
    db: { type: "string" },
  },
  strict: true,
});
const ITEMS = Number(args.items);
const RUNS = Number(args.runs);
process.env.TRACKER_SEED = "none";

const { openDatabase } = await import("@/db/index");
const { importBundle } = await import("@/db/import-bundle");
const { loadProgramHistory } = await import("@/db/queries/load-program-history");
const { loadSignals } = await import("@/db/queries/load-signals");
const { loadClaims } = await import("@/db/queries/load-claims");
const { loadEvents } = await import("@/db/queries/load-events");
const { recentVerifications } = await import("@/db/queries/recent-verifications");
const { getDashboard } = await import("@/db/queries/get-dashboard");
const { getReadiness } = await import("@/db/queries/get-readiness");
const { queryItems, parseItemQuery } = await import("@/db/queries/query-items");
const { getItemDetail } = await import("@/db/queries/get-item-detail");
const { computeItemStatuses } = await import("@/lib/compute-item-statuses");
const { readinessOf } = await import("@/lib/readiness/compute-readiness");
const { buildSnapshot } = await import("@/lib/build-snapshot");
const { loadSnapshot } = await import("@/db/queries/load-snapshot");
const { toListedItems, filterItems } = await import("@/lib/items/item-query");
const { criticalPath } = await import("@/lib/readiness/critical-path");
const { forecastCompletion, throughputSample } = await import("@/lib/readiness/forecast");
const { qualityBreaches, thresholdsOf } = await import("@/lib/readiness/quality");
const { statusOverTime } = await import("@/lib/charts/status-over-time");
const { evaluateClaims } = await import("@/lib/claims/evaluate-claims");
const { countByArea } = await import("@/lib/readiness/count-by-area");
const { generateBundle } = await import("@/scripts/generate-bundle");

const file = args.db ?? path.join("bench", "tmp", `profile-${ITEMS}-${args.seed}.db`);
if (!fs.existsSync(file)) {
  const bundle = generateBundle({ items: ITEMS, seed: Number(args.seed) });
  const t = performance.now();
  const db = await openDatabase(file);
  await importBundle(db, JSON.parse(JSON.stringify(bundle)), { actor: null });
  db.$client.close();
  console.log(`imported ${ITEMS} items into ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s (in-process)`);
}
const slug = `synthetic-${ITEMS}-${args.seed}`;
const fresh = () => openDatabase(file);
const db = await fresh();
const now = Date.now();

/** `fn`'s answer, awaited when it is a promise (a synchronous rule is timed without an await). */
const settle = async <T,>(fn: () => T | Promise<T>): Promise<T> => {
  const r = fn();
  return r instanceof Promise ? await r : r;
};
const rows: { what: string; ms: number; note?: string }[] = [];
async function time<T>(what: string, fn: () => T | Promise<T>, note?: string): Promise<T> {
  const times: number[] = [];
  let result!: T;
  await settle(fn); // warm the JIT
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = await settle(fn);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  rows.push({ what, ms: times[times.length >> 1]!, note });
  return result;
}

// Loading
const history = await time("loadProgramHistory, cold (fresh handle: 3 queries + build)", async () => {
  const d = await fresh();
  const h = await loadProgramHistory(d, slug);
  d.$client.close();
  return h;
});
await time("loadProgramHistory, warm (cache hit by log head)", () => loadProgramHistory(db, slug));
const p = history.program;
/** `fn` on a fresh handle (so nothing memoised by log head helps); the open itself is timed apart. */
const onFresh = <T,>(fn: (d: typeof db) => T | Promise<T>) => async () => {
  const d = await fresh();
  try {
    return await fn(d);
  } finally {
    d.$client.close();
  }
};
await time("openDatabase (fresh handle: open, pragmas, migrations check)", onFresh(() => 0), "included in every 'cold' row");
const signals = await time("loadSignals, cold", onFresh((d) => loadSignals(d, p)), "every signal of the program, sorted");
const claims = await time("loadClaims, cold", onFresh((d) => loadClaims(d, p)));
await time("loadEvents, cold", onFresh((d) => loadEvents(d, p.id)));
await time("recentVerifications, cold", onFresh((d) => recentVerifications(d, p.id, now, now)), "8 rows");

// Rules
const statuses = await time("computeItemStatuses (fold every item)", () => computeItemStatuses(history.items, now, now));
const listed = await time("toListedItems (blocked, inflated per item)", () => toListedItems(statuses));
await time("criticalPath", () =>
  criticalPath(listed.map((i) => ({ key: i.key, dependsOn: i.dependsOn, weight: i.trueStatus === "done" ? 0 : i.estimateWeeks, done: i.trueStatus === "done" }))),
);
const sample = throughputSample(listed.flatMap((i) => i.doneEvents.map((at) => ({ item: i.key, at }))), now);
await time("forecastCompletion (10,000 trials)", () =>
  forecastCompletion({ slug, asOf: now, remaining: listed.filter((i) => i.trueStatus !== "done").length, sample, earliestByDependencies: "2030-01-01" }),
);
await time("qualityBreaches", () => qualityBreaches(signals, { testCoveragePct: 70, unvettedCrates: 0, crashOwnerRegistered: true }, now));
const snapshot = await time("buildSnapshot (fold, list, breaches)", () =>
  buildSnapshot({ slug, items: history.items, signals, thresholds: thresholdsOf(p), asOf: now, knownAt: now }),
);
const readiness = await time("readinessOf (all of §5–§6 after the fold)", () => readinessOf(snapshot));
await time("JSON.stringify(readiness)", () => JSON.stringify(readiness), `${(JSON.stringify(readiness).length / 1024).toFixed(0)} KiB`);
await time("statusOverTime (dashboard charts)", () => statusOverTime(history.items, now, now));
await time("evaluateClaims", () => evaluateClaims(claims, history.items, now, now));
await time("countByArea", () => countByArea(listed));
const q = parseItemQuery({ limit: "50" });
await time("filterItems ?limit=50", () => filterItems(listed, q));
await time("filterItems ?status=build&limit=50", () => filterItems(listed, parseItemQuery({ status: "build", limit: "50" })));

// End to end, as the routes call them (history cache warm, then cold)
await time("loadSnapshot, warm", () => loadSnapshot(db, slug, now, now));
await time("loadSnapshot, cold", onFresh((d) => loadSnapshot(d, slug, now, now)));
await time("getReadiness, warm", () => getReadiness(db, slug, now, now));
await time("getReadiness, cold", async () => {
  const d = await fresh();
  const r = await getReadiness(d, slug, now, now);
  d.$client.close();
  return r;
});
await time("queryItems ?limit=50, warm", () => queryItems(db, slug, q));
await time("getDashboard, warm", () => getDashboard(db, slug, now, now));
await time("getDashboard, cold", async () => {
  const d = await fresh();
  const r = await getDashboard(d, slug, now, now);
  d.$client.close();
  return r;
});
const busiest = [...history.items].sort((a, b) => b.transitions.length - a.transitions.length)[0]!.key;
await time(`getItemDetail ${busiest}, warm`, () => getItemDetail(db, slug, busiest, now, now));
await time(`getItemDetail ${busiest}, cold`, onFresh((d) => getItemDetail(d, slug, busiest, now, now)));

// Right after a write: what the first reader pays once the log head has moved (the memoised
// history is patched, not reloaded). Each run writes one transition (untimed) on another item.
{
  const { addUser, findPerson } = await import("@/db/accounts/manage-users");
  const { recordTransition } = await import("@/db/mutations/record-transition");
  const writer = (await findPerson(db, "bench-writer@example.com")) ?? (await addUser(db, { email: "bench-writer@example.com", name: "Bench writer", role: "contributor" }, null));
  let n = 0;
  const afterWrite = async <T,>(what: string, read: () => T | Promise<T>) => {
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const item = history.items[(n++ * 7919) % history.items.length]!.key;
      await recordTransition(db, { slug, key: item, input: { to: "design", note: "profile" }, actor: writer });
      const t = performance.now();
      await settle(read);
      if (i > 0) times.push(performance.now() - t); // the first run warms the JIT
    }
    times.sort((a, b) => a - b);
    rows.push({ what, ms: times[times.length >> 1]!, note: "right after a write" });
  };
  await afterWrite("loadProgramHistory, after a write", () => loadProgramHistory(db, slug));
  await afterWrite("getReadiness, after a write", () => getReadiness(db, slug, now, now));
  await afterWrite("queryItems ?limit=50, after a write", () => queryItems(db, slug, q));
  await afterWrite("getDashboard, after a write", () => getDashboard(db, slug, now, now));
}

// The weekly report, when that code is present (it was being built alongside the benchmark).
try {
  const reports = await import("@/db/queries/get-weekly-report");
  const { isoWeekOf } = await import("@/lib/iso-week");
  const { renderReportMarkdown } = await import("@/lib/report/render-markdown");
  const week = isoWeekOf(Date.UTC(2026, 10, 20));
  const source = await time("loadReportSource (history for reports)", () => reports.loadReportSource(db, slug));
  await time("loadReportSource, cold", onFresh((d) => reports.loadReportSource(d, slug)));
  const report = await time(`reportOf ${week.label} (report model)`, () => reports.reportOf(source, week, now));
  await time("renderReportMarkdown", () => renderReportMarkdown(report));
  await time(`getWeeklyReport ${week.label}, end to end`, () => reports.getWeeklyReport(db, slug, week.label, now));
  await time(`getWeeklyReport ${week.label}, end to end, cold`, onFresh((d) => reports.getWeeklyReport(d, slug, week.label, now)));
} catch (e) {
  rows.push({ what: "weekly report", ms: NaN, note: `not available: ${(e as Error).message.split("\n")[0]}` });
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`\n${ITEMS} items, ${history.items.reduce((s, i) => s + i.transitions.length, 0)} transitions, ${signals.length} signals, ${claims.length} claims; median of ${RUNS} runs\n`);
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${Number.isNaN(r.ms) ? "   n/a" : r.ms.toFixed(1).padStart(8)} ms${r.note ? `   ${r.note}` : ""}`);
db.$client.close();
