import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addUser } from "@/db/accounts/manage-users";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { addComment } from "@/db/mutations/add-comment";
import { addDependency, removeDependency } from "@/db/mutations/change-dependency";
import { deleteComment } from "@/db/mutations/delete-comment";
import { editItem } from "@/db/mutations/edit-item";
import { createClaim, editClaim } from "@/db/mutations/manage-claim";
import { editProgram } from "@/db/mutations/manage-program";
import { recordSignal } from "@/db/mutations/record-signal";
import { recordTransition } from "@/db/mutations/record-transition";
import { rejectTransition } from "@/db/mutations/reject-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { getClaims } from "@/db/queries/get-claims";
import { getReadiness, getReadinessJson } from "@/db/queries/get-readiness";
import { getScheduleJson } from "@/db/queries/get-schedule";
import { getStatusSeries } from "@/db/queries/get-status-series";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { loadSnapshot } from "@/db/queries/load-snapshot";
import { AppError } from "@/lib/errors";
import { isoWeekOf } from "@/lib/iso-week";
import { STATUSES } from "@/lib/status";
import { generateBundle } from "../../scripts/generate-bundle";

// After a write the memoised history is patched from the log entries since its head instead of
// being reloaded. Whatever the writes, the patched answers must equal those of a
// handle that never cached anything.

const EVERY_EVIDENCE = [
  { kind: "design_doc", url: "https://example.com/d" },
  { kind: "code_change", url: "https://example.com/c" },
  { kind: "test_report", url: "https://example.com/t" },
  { kind: "deployment", url: "https://example.com/p", fleetPercent: 100 },
] as const;

async function setUp() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "refresh-")), "t.db");
  const db = await openDatabase(file);
  const bundle = generateBundle({ items: 24, seed: 7 });
  await importBundle(db, bundle, { actor: null });
  const other = generateBundle({ items: 12, seed: 8 });
  other.program.slug = "other";
  await importBundle(db, other, { actor: null });
  const writer = await addUser(db, { email: "writer@example.com", name: "Writer", role: "contributor" }, null);
  const checker = await addUser(db, { email: "checker@example.com", name: "Checker", role: "reviewer" }, null);
  const admin = await addUser(db, { email: "admin@example.com", name: "Admin", role: "admin" }, null);
  const keys = (bundle.items ?? []).map((i) => i.key);
  const claim = { id: "claim-refresh", date: new Date(NOW - 86_400_000).toISOString().slice(0, 10), speaker: "A speaker", quote: "Done.", url: "https://example.com/q", links: [{ item: keys[0]!, requires: "build" }] };
  await createClaim(db, { slug: bundle.program.slug, input: claim, actor: admin });
  return { file, db, slug: bundle.program.slug, keys, writer, checker, admin };
}

type World = Awaited<ReturnType<typeof setUp>>;
const NOW = Date.now();

/** One write, picked by the generated numbers; a refused write (a broken rule) writes nothing. */
async function write(w: World, [kind, a, b, c]: [number, number, number, number]) {
  const key = w.keys[a % w.keys.length]!;
  const other = w.keys[b % w.keys.length]!;
  const at = NOW - (c % 400) * 86_400_000;
  const ops = [
    async () => await recordTransition(w.db, { slug: w.slug, key, input: { to: STATUSES[b % STATUSES.length]!, evidence: [...EVERY_EVIDENCE], note: "moved", effectiveAt: new Date(at).toISOString() }, actor: w.writer }),
    async () => {
      const last = w.db.$client.prepare("SELECT max(t.id) FROM transitions t JOIN items i ON i.id = t.item_id WHERE i.key = ?").pluck().get(key) as number | null;
      if (last !== null) await verifyTransition(w.db, { slug: w.slug, transitionId: last, input: { note: "checked" }, actor: w.checker });
    },
    async () => await editItem(w.db, { slug: w.slug, key, input: { title: `Title ${c}`, estimateWeeks: 1 + (c % 9), owner: c % 3 === 0 ? null : "writer@example.com" }, expectedVersion: undefined, actor: w.writer }),
    async () => await addDependency(w.db, { slug: w.slug, key, input: { dependsOn: other }, actor: w.writer }),
    async () => await removeDependency(w.db, { slug: w.slug, key, dependsOn: other, actor: w.writer }),
    async () => await editProgram(w.db, { slug: w.slug, input: { name: `Program ${c}`, thresholds: { testCoveragePct: c % 100 } }, expectedVersion: undefined, actor: w.writer }),
    async () => await recordSignal(w.db, { slug: w.slug, key, input: { metric: "test_coverage_pct", value: c % 100, measuredAt: new Date(at).toISOString() }, actor: w.writer }),
    async () => await recordTransition(w.db, { slug: "other", key: "FND-00001", input: { to: "design", note: "elsewhere" }, actor: w.writer }),
    async () => {
      const last = w.db.$client.prepare("SELECT max(t.id) FROM transitions t JOIN items i ON i.id = t.item_id WHERE i.key = ?").pluck().get(key) as number | null;
      if (last !== null) await rejectTransition(w.db, { slug: w.slug, key, transitionId: last, input: { reason: "not convincing" }, actor: w.checker });
    },
    // A claim now names the item: its verdicts follow that item from then on.
    async () =>
      await editClaim(w.db, {
        slug: w.slug,
        claimKey: "claim-refresh",
        input: { id: "claim-refresh", date: new Date(at).toISOString().slice(0, 10), speaker: "A speaker", quote: `${key} is done.`, url: "https://example.com/q", links: [{ item: key, requires: STATUSES[1 + (c % (STATUSES.length - 1))]! }] },
        expectedVersion: w.db.$client.prepare("SELECT version FROM claims WHERE claim_key = 'claim-refresh'").pluck().get() as number,
        actor: w.admin,
      }),
    // A comment changes no figure: the patched answers must not move (nor miss anything).
    async () => {
      const comment = await addComment(w.db, { slug: w.slug, subject: { item: key }, input: { body: `@checker look at ${key}` }, actor: w.writer });
      if (c % 2 === 0) await deleteComment(w.db, { slug: w.slug, commentId: comment.id, actor: w.writer });
    },
  ];
  try {
    await ops[kind % ops.length]!();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
}

/** What every read is computed from (the snapshot production loads), and what two reads answer. */
async function answers(db: Db, slug: string) {
  const snapshot = await loadSnapshot(db, slug, NOW + 86_400_000, NOW + 86_400_000);
  return {
    history: await loadProgramHistory(db, slug),
    program: snapshot.program,
    items: snapshot.items,
    statuses: snapshot.statuses,
    listed: snapshot.listed,
    breaches: snapshot.breaches,
    signals: snapshot.signals,
    readiness: await getReadiness(db, slug, NOW + 86_400_000, NOW + 86_400_000),
    readinessJson: await getReadinessJson(db, slug, NOW + 86_400_000, NOW + 86_400_000, null),
    // Each cut of the lists is encoded apart and kept across writes that leave the breaches alone.
    readinessJsonCuts: await Promise.all(([0, 2, "all"] as const).map((limit) => getReadinessJson(db, slug, NOW + 86_400_000, NOW + 86_400_000, limit))),
    scheduleJson: await getScheduleJson(db, slug, NOW + 86_400_000, NOW + 86_400_000),
    series: await getStatusSeries(db, slug, NOW + 86_400_000, NOW + 86_400_000),
    claims: (await getClaims(db, slug, NOW + 86_400_000, NOW + 86_400_000)).claims,
    report: (await getWeeklyReport(db, slug, isoWeekOf(NOW - 7 * 86_400_000).label, NOW)).markdown,
  };
}

describe("the history cache patched after writes", () => {
  it("answers as a fresh load after any sequence of writes", async () => {
    const w = await setUp();
    await answers(w.db, w.slug); // fill the cache
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), async (writes) => {
        for (const step of writes) await write(w, step);
        const patched = await answers(w.db, w.slug);
        const fresh = await openDatabase(w.file);
        try {
          expect(patched).toEqual(await answers(fresh, w.slug));
        } finally {
          fresh.$client.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it("reads again only the item a write touched, and keeps the rest by identity", async () => {
    const w = await setUp();
    const before = await answers(w.db, w.slug);
    const key = w.keys[5]!;
    await recordTransition(w.db, { slug: w.slug, key, input: { to: "design", note: "n" }, actor: w.writer });
    const after = await answers(w.db, w.slug);
    const at = before.history.items.findIndex((i) => i.key === key);
    expect(after.history).not.toBe(before.history);
    expect(after.history.items[at]).not.toBe(before.history.items[at]);
    expect(after.history.items[at]!.transitions.at(-1)?.to).toBe("design");
    after.history.items.forEach((item, i) => {
      if (i !== at) expect(item).toBe(before.history.items[i]);
    });
    after.statuses.forEach((s, i) => {
      if (i !== at) expect(s).toBe(before.statuses[i]);
    });
    expect(after.signals).toBe(before.signals); // no signal written
    expect(after.items).toBe(after.history.items); // the snapshot is built on the patched history
    expect(after.breaches).toBe(before.breaches); // same signals, thresholds and listed items
  });

  it("keeps the whole snapshot when a write touches another program", async () => {
    const w = await setUp();
    const at = NOW + 86_400_000;
    const before = await loadSnapshot(w.db, w.slug, at, at);
    const otherKey = w.db.$client.prepare("SELECT i.key FROM items i JOIN programs p ON p.id = i.program_id WHERE p.slug = 'other' LIMIT 1").pluck().get() as string;
    await recordTransition(w.db, { slug: "other", key: otherKey, input: { to: "design", note: "elsewhere" }, actor: w.writer });
    expect(await loadSnapshot(w.db, w.slug, at, at)).toBe(before);
  });

  it("throws not_found for an unknown slug", async () => {
    const w = await setUp();
    await expect(loadSnapshot(w.db, "nope", NOW, NOW)).rejects.toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("recomputes when the entry it was cached at is no longer on the log (a restore)", async () => {
    const w = await setUp();
    const before = await loadProgramHistory(w.db, w.slug);
    // Rewrite the cached head's hash behind the app's back, then append: the chain the cache saw
    // is gone, so nothing may be patched onto it.
    const triggers = w.db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").pluck().all() as string[];
    for (const t of triggers) if (!t.includes("anchor")) w.db.$client.exec(`DROP TRIGGER ${t}`);
    w.db.$client.prepare("UPDATE audit_log SET hash = 'x' WHERE seq = (SELECT max(seq) FROM audit_log)").run();
    w.db.$client.prepare("UPDATE items SET title = 'changed behind the log' WHERE key = ?").run(w.keys[0]);
    await recordTransition(w.db, { slug: w.slug, key: w.keys[1]!, input: { to: "design", note: "n" }, actor: w.writer });
    const after = await loadProgramHistory(w.db, w.slug);
    const first = (h: typeof before) => h.items.find((i) => i.key === w.keys[0])!;
    expect(first(after).title).toBe("changed behind the log");
    expect(first(after)).not.toBe(first(before));
  });
});
