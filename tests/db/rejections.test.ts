/**
 * DESIGN §13 "rejection" on SQLite, through the functions every caller (API route, server action,
 * import) uses: who may reject (the four-eyes check verification uses), one decision per
 * transition (409), nothing written on a refusal, the hash chain intact, the bitemporal views, the
 * gates of a transition reported again, the weekly report, the bundle round trip, the append-only
 * table, and the query a reporter's "my work" list will read.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { exportBundle } from "@/db/export-bundle";
import { firstRow } from "@/db/first-row";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { editItem } from "@/db/mutations/edit-item";
import { recordTransition } from "@/db/mutations/record-transition";
import { rejectTransition } from "@/db/mutations/reject-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { getItemDetail } from "@/db/queries/get-item-detail";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { listRejectedTransitions } from "@/db/queries/list-rejected-transitions";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { loadSnapshot } from "@/db/queries/load-snapshot";
import { auditLog, transitionRejections, verifications } from "@/db/schema";
import { verifyLog } from "@/db/verify-log";
import { renderReportJson } from "@/lib/report/render-json";
import { refusal } from "../support/refusal";
import { rowCounts } from "../support/row-counts";

const SLUG = "rej";
const ANN = "ann@example.com"; // owns FND-01
const CARL = "carl@example.com"; // reports
const RITA = "rita@example.com"; // reviewer, owns FND-02
const VIC = "vic@example.com"; // a second reviewer
const MINUTE = 60_000;
// Monday 2024-03-04 10:00 UTC, in ISO week 2024-W10: the weekly report of that week is complete.
const T0 = Date.UTC(2024, 2, 4, 10);
const at = (n: number) => T0 + n * MINUTE;
const DESIGN_DOC = { kind: "design_doc", url: "https://docs.example.com/kv/design", summary: "KV design" } as const;

async function setUp(slug = SLUG) {
  const db = await openDatabase(":memory:");
  await importBundle(db, programBundle(slug), { actor: null });
  return await world(db, slug);
}

function programBundle(slug: string) {
  return {
    format: "offload-tracker/v1",
    program: { slug, name: "Rejections" },
    people: [ANN, CARL, RITA, VIC].map((email) => ({ email, name: email.split("@")[0]!.toUpperCase(), team: "Core" })),
    items: [
      { key: "FND-01", title: "Key-value store", area: "Foundations", owner: ANN, estimateWeeks: 2, identifiedAt: "2024-01-01" },
      { key: "FND-02", title: "Tracing", area: "Foundations", owner: RITA, estimateWeeks: 2, identifiedAt: "2024-01-01" },
    ],
  };
}

async function world(db: Db, slug: string) {
  const person = async (email: string) => (await findPerson(db, email))!;
  return {
    db,
    slug,
    report: async (n: number, input: Record<string, unknown> = { to: "build", evidence: [DESIGN_DOC] }, key = "FND-01") =>
      (await recordTransition(db, { slug, key, input, actor: await person(CARL), now: at(n) })).id,
    reject: async (n: number, id: number, by = RITA, reason: unknown = "the design doc is a draft", key = "FND-01") =>
      await rejectTransition(db, { slug, key, transitionId: id, input: { reason }, actor: await person(by), now: at(n) }),
    verify: async (n: number, id: number, by = RITA, note = "") => await verifyTransition(db, { slug, transitionId: id, input: { note }, actor: await person(by), now: at(n) }),
    detail: async (knownAt = at(1000), key = "FND-01") => await getItemDetail(db, slug, key, at(1000), knownAt, "admin"),
  };
}

/** Rows of every table a decision writes: nothing may move on a refusal. */
const footprint = async (db: Db) => await rowCounts(db, { rejections: transitionRejections, verifications, log: auditLog });

describe("rejecting a transition", () => {
  it("records the rejection and its reason in the table and the hash-chained log; the chain stays intact", async () => {
    const w = await setUp();
    const id = await w.report(1);
    const result = await w.reject(2, id);
    expect(result).toMatchObject({ transition: id, item: "FND-01", to: "build", rejectedBy: RITA, reason: "the design doc is a draft" });
    expect(result.rejectedAt).toBe(new Date(at(2)).toISOString());
    const entry = (await firstRow(w.db.select().from(auditLog).where(eq(auditLog.action, "reject"))))!;
    expect(entry).toMatchObject({ actor: RITA, entity: "transition", entityId: String(id), programSlug: SLUG });
    expect(JSON.parse(entry.payload)).toEqual({ rejectedBy: RITA, rejectedAt: result.rejectedAt, reason: "the design doc is a draft" });
    expect((await verifyLog(w.db)).ok).toBe(true);
  });

  it("keeps the reported status, never raises the true one, and shows the rejection on the item", async () => {
    const w = await setUp();
    const id = await w.report(1);
    await w.reject(2, id);
    const d = await w.detail();
    expect(d).toMatchObject({ reportedStatus: "build", trueStatus: "not_started" });
    expect(d.history[0]!.rejection).toEqual({
      by: RITA,
      byName: "RITA",
      rejectedAt: new Date(at(2)).toISOString(),
      recordedAt: new Date(at(2)).toISOString(),
      reason: "the design doc is a draft",
    });
    expect(d.reportedRejection).toEqual(d.history[0]!.rejection);
    expect(d.history[0]!.verification).toBeNull();
    // Everyone but an admin reads who acted by name: no account's e-mail in the history.
    const asReader = await getItemDetail(w.db, w.slug, "FND-01", at(1000), at(1000));
    expect(asReader.history[0]).toMatchObject({ by: "CARL", byName: "CARL", rejection: { by: "RITA", byName: "RITA" } });
    expect(JSON.stringify(asReader.history)).not.toMatch(/@example\.com/);
    // The readiness snapshot sees the transition as reported (inflated) and never as true.
    const s = (await loadSnapshot(w.db, SLUG, at(1000), at(1000))).statuses.find((x) => x.key === "FND-01")!;
    expect(s).toMatchObject({ reportedStatus: "build", trueStatus: "not_started" });
  });

  it("is bitemporal: known at a moment before the rejection, the transition awaits a decision", async () => {
    const w = await setUp();
    const id = await w.report(1);
    await w.reject(3, id);
    const before = await w.detail(at(2));
    expect(before.history[0]!.rejection).toBeNull();
    expect(before.reportedRejection).toBeNull();
    expect((await w.detail(at(3))).history[0]!.rejection).not.toBeNull();
    // A verification is shown by its own recording time too.
    const other = await w.report(4, { to: "design" }, "FND-02");
    await w.verify(6, other, VIC, "seen");
    expect((await w.detail(at(5), "FND-02")).history[0]!.verification).toBeNull();
    expect((await w.detail(at(6), "FND-02")).history[0]!.verification).toMatchObject({ by: VIC, note: "seen" });
  });

  it("is refused by the four-eyes rule verification uses, in the words of rejecting, with nothing written", async () => {
    const w = await setUp();
    const id = await w.report(1);
    const before = await footprint(w.db);
    const own = await refusal(async () => await w.reject(2, id, CARL));
    expect(own.code).toBe("rule");
    expect(own.message).toBe(`four eyes: ${CARL} reported this transition and cannot also reject it`);
    expect(own.errors).toEqual([{ path: "rejectedBy", message: own.message }]);
    expect((await refusal(async () => await w.reject(2, id, ANN))).message).toBe(`four eyes: ${ANN} owns this item and cannot reject its transitions`);
    expect(await footprint(w.db)).toEqual(before);
  });

  it("refuses a former owner who stepped aside in the window, as verifying does", async () => {
    // Owner changes are read from the log, whose clock is the wall clock: this test runs in it.
    const w = await setUp();
    const base = Date.now() + MINUTE;
    const soon = (n: number) => base + n * MINUTE;
    const ann = (await findPerson(w.db, ANN))!;
    const id = (await recordTransition(w.db, { slug: SLUG, key: "FND-01", input: { to: "design" }, actor: (await findPerson(w.db, CARL))!, now: soon(1) })).id;
    await editItem(w.db, { slug: SLUG, key: "FND-01", input: { owner: RITA, version: 1 }, expectedVersion: undefined, actor: ann, now: soon(2) });
    await editItem(w.db, { slug: SLUG, key: "FND-01", input: { owner: ANN, version: 2 }, expectedVersion: undefined, actor: ann, now: soon(3) });
    const e = await refusal(async () => await rejectTransition(w.db, { slug: SLUG, key: "FND-01", transitionId: id, input: { reason: "r" }, actor: (await findPerson(w.db, RITA))!, now: soon(4) }));
    expect(e.message).toBe(
      `four eyes: ${RITA} owned FND-01 between ${new Date(soon(2)).toISOString()} and ${new Date(soon(3)).toISOString()} (made owner by ${ANN}), while this transition (recorded ${new Date(soon(1)).toISOString()}) awaited review`,
    );
    expect((await verifyLog(w.db)).ok).toBe(true);
  });

  it("one decision per transition: verified cannot be rejected, rejected cannot be verified, nor rejected twice (409)", async () => {
    const w = await setUp();
    const verified = await w.report(1);
    await w.verify(2, verified, VIC);
    const rejected = await w.report(3, { to: "validate", evidence: [{ kind: "code_change", url: "https://git.example.org/1" }] });
    await w.reject(4, rejected);
    const before = await footprint(w.db);
    const a = await refusal(async () => await w.reject(5, verified));
    expect(a.code).toBe("conflict");
    expect(a.message).toBe(`transition #${verified} is already verified (by VIC on ${new Date(at(2)).toISOString()}): a verified transition cannot be rejected`);
    const b = await refusal(async () => await w.verify(5, rejected, VIC));
    expect(b.code).toBe("conflict");
    expect(b.message).toContain(`transition #${rejected} was rejected (by RITA on`);
    expect(b.message).toContain("report it again with new evidence");
    const c = await refusal(async () => await w.reject(5, rejected, VIC));
    expect(c.code).toBe("conflict");
    expect(c.message).toContain(`transition #${rejected} is already rejected (by RITA on`);
    expect(await footprint(w.db)).toEqual(before);
    expect((await verifyLog(w.db)).ok).toBe(true);
  });

  it("refuses an unknown transition, one of another item or program (404), and a missing or blank reason (400)", async () => {
    const w = await setUp();
    const id = await w.report(1);
    const elsewhere = await setUp("elsewhere");
    await importBundle(w.db, programBundle("other"), { actor: null });
    const before = await footprint(w.db);
    expect((await refusal(async () => await w.reject(2, 999_999))).code).toBe("not_found");
    const wrongItem = await refusal(async () => await w.reject(2, id, RITA, "r", "FND-02"));
    expect(wrongItem.code).toBe("not_found");
    expect(wrongItem.message).toBe(`no transition #${id} of item "FND-02" in program "${SLUG}"`);
    expect((await refusal(async () => await rejectTransition(w.db, { slug: "other", key: "FND-01", transitionId: id, input: { reason: "r" }, actor: (await findPerson(w.db, RITA))! }))).code).toBe("not_found");
    const rita = (await findPerson(w.db, RITA))!;
    for (const input of [{}, { reason: "" }, { reason: "   " }, { reason: 42 }, { note: "a note is no reason" }]) {
      const e = await refusal(async () => await rejectTransition(w.db, { slug: SLUG, key: "FND-01", transitionId: id, input, actor: rita, now: at(2) }));
      expect(e.code).toBe("invalid");
      expect(e.errors.map((x) => x.path)).toEqual(["reason"]);
      expect(e.errors[0]!.message).toContain("must say why the transition is rejected");
    }
    expect((await refusal(async () => await w.reject(2, id, RITA, "x".repeat(5001)))).errors[0]!.message).toBe("must be at most 5000 characters");
    expect(await footprint(w.db)).toEqual(before);
    elsewhere.db.$client.close();
  });

  it("a rejected transition's evidence no longer counts: reported again, it needs new evidence; then a second reviewer verifies with a note", async () => {
    const w = await setUp();
    const first = await w.report(1);
    await w.reject(2, first);
    const e = await refusal(async () => await w.report(3, { to: "build" }));
    expect(e.code).toBe("rule");
    expect(e.message).toContain("lacks a design_doc");
    expect(e.message).toContain("evidence on a rejected transition no longer counts");
    const again = await w.report(4, { to: "build", evidence: [{ ...DESIGN_DOC, url: "https://docs.example.com/kv/design-v2" }] });
    await w.verify(5, again, VIC, "final design reviewed");
    const d = await w.detail();
    expect(d).toMatchObject({ reportedStatus: "build", trueStatus: "build", reportedRejection: null });
    expect(d.history.map((t) => [t.id, t.rejection?.reason ?? null, t.verification?.note ?? null])).toEqual([
      [first, "the design doc is a draft", null],
      [again, null, "final design reviewed"],
    ]);
    expect((await verifyLog(w.db)).ok).toBe(true);
  });

  it("patches the cached history after a rejection, as a fresh read gives it", async () => {
    const w = await setUp();
    const id = await w.report(1);
    const cached = await loadProgramHistory(w.db, SLUG);
    expect(cached.items[0]!.transitions[0]!.rejectionRecordedAt).toBeNull();
    await w.reject(2, id);
    const patched = await loadProgramHistory(w.db, SLUG);
    expect(patched.items[0]!.transitions[0]!.rejectionRecordedAt).toBe(at(2));
    expect(patched.items[1]).toBe(cached.items[1]); // the other item kept by identity
  });

  it("the table refuses UPDATE and DELETE, like the log", async () => {
    const w = await setUp();
    await w.reject(2, await w.report(1));
    expect(() => w.db.$client.exec("UPDATE transition_rejections SET reason = 'nothing to see'")).toThrow(/append-only/);
    expect(() => w.db.$client.exec("DELETE FROM transition_rejections")).toThrow(/append-only/);
    expect((await firstRow(w.db.select().from(transitionRejections)))!.reason).toBe("the design doc is a draft");
  });
});

describe("the weekly report", () => {
  it("lists the week's rejections; a week without one has no such section and no such key", async () => {
    const w = await setUp();
    const id = await w.report(1);
    await w.reject(2, id);
    const now = Date.UTC(2024, 5, 1);
    const week = await getWeeklyReport(w.db, SLUG, "2024-W10", now);
    expect(week.report.changes.rejections).toEqual([
      { key: "FND-01", title: "Key-value store", to: "build", effectiveAt: new Date(at(1)).toISOString(), rejectedAt: new Date(at(2)).toISOString(), rejectedBy: "RITA", reason: "the design doc is a draft" },
    ]);
    expect(week.markdown).toContain("### Rejected transitions (rejected during the week; they never count toward the true status) (1)");
    expect(week.markdown).toContain("| FND-01 | Key-value store | `build` |");
    expect(week.markdown).toContain("the design doc is a draft |");
    // The key comes right after the verifications in the JSON export.
    expect(Object.keys(week.report.changes)).toEqual(["trueStatus", "regressions", "verifications", "rejections", "evidence", "newItems"]);

    const quiet = await getWeeklyReport(w.db, SLUG, "2024-W11", now);
    expect(Object.keys(quiet.report.changes)).toEqual(["trueStatus", "regressions", "verifications", "evidence", "newItems"]);
    expect(quiet.markdown).not.toContain("Rejected");
    expect(renderReportJson(quiet.report)).not.toContain("rejections");
  });
});

describe("the bundle", () => {
  it("export → import round-trips the rejection (and the verify note), and the imported log holds a reject entry", async () => {
    const w = await setUp();
    const first = await w.report(1);
    await w.reject(2, first);
    const again = await w.report(4, { to: "build", evidence: [{ ...DESIGN_DOC, url: "https://docs.example.com/kv/design-v2" }] });
    await w.verify(5, again, VIC, "final design reviewed");
    const exported = await exportBundle(w.db, SLUG);
    expect(exported.transitions[0]).toMatchObject({ rejectedBy: RITA, rejectedAt: new Date(at(2)).toISOString(), rejectionReason: "the design doc is a draft", verifiedBy: null });
    expect(exported.transitions[1]).toMatchObject({ verifiedBy: VIC, verificationNote: "final design reviewed" });
    expect(Object.keys(exported.transitions[1]!)).not.toContain("rejectedBy");

    const target = await openDatabase(":memory:");
    const summary = await importBundle(target, { ...exported, program: { ...exported.program, slug: "copy" } }, { actor: null });
    expect(summary.counts).toMatchObject({ transitions: 2, verifications: 1, rejections: 1 });
    const back = await exportBundle(target, "copy");
    expect({ ...back, program: { ...back.program, slug: SLUG } }).toEqual(exported);
    const log = await target.select().from(auditLog).where(eq(auditLog.action, "reject"));
    expect(log.map((e) => JSON.parse(e.payload))).toEqual([{ rejectedBy: RITA, rejectedAt: new Date(at(2)).toISOString(), reason: "the design doc is a draft" }]);
    expect((await verifyLog(target)).ok).toBe(true);
    // The copy folds the same: reported build, true build (the verified one), the rejection beside the first.
    const d = await getItemDetail(target, "copy", "FND-01", at(1000), at(1000), "admin");
    expect(d).toMatchObject({ reportedStatus: "build", trueStatus: "build" });
    expect(d.history[0]!.rejection).toMatchObject({ by: RITA, reason: "the design doc is a draft" });
  });

  it("refuses to import a rejection without a reason, or by the reporter, writing nothing", async () => {
    const w = await setUp();
    await w.reject(2, await w.report(1));
    const exported = await exportBundle(w.db, SLUG);
    const target = await openDatabase(":memory:");
    const noReason = structuredClone(exported) as Record<string, unknown> & typeof exported;
    delete (noReason.transitions[0] as Record<string, unknown>).rejectionReason;
    const e = await refusal(async () => await importBundle(target, { ...noReason, program: { ...noReason.program, slug: "copy" } }, { actor: null }));
    expect(e.code).toBe("rule");
    expect(e.errors).toContainEqual({ path: "transitions[0].rejectionReason", message: "a rejection needs a reason: say what is missing or wrong" });
    const byReporter = structuredClone(exported);
    Object.assign(byReporter.transitions[0]!, { rejectedBy: CARL });
    expect((await refusal(async () => await importBundle(target, { ...byReporter, program: { ...byReporter.program, slug: "copy" } }, { actor: null }))).errors[0]!.message).toContain(
      "cannot also reject it",
    );
    expect((await rowCounts(target, { log: auditLog })).log).toBe(0);
  });
});

describe("listRejectedTransitions (a reporter's rejected work)", () => {
  it("lists the reporter's rejected transitions, newest first, with whether each was reported again", async () => {
    const w = await setUp();
    const first = await w.report(1);
    await w.reject(2, first);
    const tracing = await w.report(3, { to: "design" }, "FND-02");
    await w.reject(4, tracing, VIC, "no plan attached", "FND-02");
    const again = await w.report(5, { to: "build", evidence: [{ ...DESIGN_DOC, url: "https://docs.example.com/kv/design-v2" }] });
    const list = await listRejectedTransitions(w.db, { reporter: CARL, knownAt: at(1000) });
    expect(list.map((r) => [r.item, r.to, r.rejectedBy, r.reason, r.reportedAgain])).toEqual([
      ["FND-02", "design", "VIC", "no plan attached", null],
      ["FND-01", "build", "RITA", "the design doc is a draft", again],
    ]);
    expect(list[1]).toMatchObject({ program: SLUG, programName: "Rejections", transitionId: first, rejectedAt: new Date(at(2)).toISOString() });
    expect(await listRejectedTransitions(w.db, { reporter: CARL.toUpperCase(), program: SLUG, knownAt: at(1000) })).toHaveLength(2);
    expect(await listRejectedTransitions(w.db, { reporter: CARL, program: "elsewhere", knownAt: at(1000) })).toEqual([]);
    expect(await listRejectedTransitions(w.db, { reporter: ANN, knownAt: at(1000) })).toEqual([]);
    // Known at a moment between the two rejections: only the first; the report made later is not yet there.
    expect((await listRejectedTransitions(w.db, { reporter: CARL, knownAt: at(3) })).map((r) => [r.item, r.reportedAgain])).toEqual([["FND-01", null]]);
  });
});
