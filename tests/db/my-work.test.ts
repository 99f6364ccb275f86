/**
 * My work and the header's counts on SQLite: the items a person owns now, what they reported that
 * awaits a reviewer, the rejections still theirs to answer, what is new since their last visit,
 * and the number of transitions a reviewer may decide on — equal to what the inbox lists as theirs.
 * Times are injected, a minute apart and after the import's own log entries.
 */
import { describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { addComment } from "@/db/mutations/add-comment";
import { deleteComment } from "@/db/mutations/delete-comment";
import { editItem } from "@/db/mutations/edit-item";
import { recordMyWorkVisit } from "@/db/mutations/record-my-work-visit";
import { recordTransition } from "@/db/mutations/record-transition";
import { rejectTransition } from "@/db/mutations/reject-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { countMyWorkNew } from "@/db/queries/count-my-work-new";
import { countReviewable } from "@/db/queries/count-reviewable";
import { listAwaitingReview } from "@/db/queries/list-awaiting-review";
import { listMyAwaiting } from "@/db/queries/list-my-awaiting";
import { listMyRejections } from "@/db/queries/list-my-rejections";
import { listOwnedItems } from "@/db/queries/list-owned-items";
import { openMyWork } from "@/db/queries/open-my-work";
import { giveAccounts } from "../support/give-accounts";

const ANN = "ann@example.com"; // owns FND-01
const CARL = "carl@example.com"; // contributor: owns FND-02, reports
const RITA = "rita@example.com"; // reviewer, owns NET-01
const VIC = "vic@example.com"; // reviewer
const MINUTE = 60_000;
const T0 = Date.now() + MINUTE;
const at = (n: number) => T0 + n * MINUTE;
const DOC = { kind: "design_doc", url: "https://docs.example.com/d", summary: "Design" };
const CODE = { kind: "code_change", url: "https://code.example.com/c", summary: "Code" };

async function setUp() {
  const db = await openDatabase(":memory:");
  const people = [ANN, CARL, RITA, VIC].map((email) => ({
    email,
    name: email.split("@")[0]!.toUpperCase(),
    team: "Core",
    role: email === RITA || email === VIC ? ("reviewer" as const) : ("contributor" as const),
  }));
  for (const [slug, items] of [
    [
      "p1",
      [
        ["FND-01", ANN],
        ["FND-02", CARL],
        ["FND-10", null],
      ],
    ],
    ["p2", [["NET-01", RITA]]],
  ] as const)
    await importBundle(
      db,
      {
        format: "offload-tracker/v1",
        program: { slug, name: `Program ${slug}` },
        people,
        items: items.map(([key, owner]) => ({ key, title: `Item ${key}`, area: "Core", owner, estimateWeeks: 2, identifiedAt: "2024-01-01" })),
      },
      { actor: null },
    );
  const person = async (email: string) => (await findPerson(db, email))!;
  const versions = new Map<string, number>();
  return {
    db,
    person,
    report: async (slug: string, key: string, n: number, to = "design", by = CARL, evidence = [DOC]) =>
      (await recordTransition(db, { slug, key, input: { to, evidence, note: `${to} as reported` }, actor: await person(by), now: at(n) })).id,
    verify: async (slug: string, id: number, n: number, by = VIC) => await verifyTransition(db, { slug, transitionId: id, input: {}, actor: await person(by), now: at(n) }),
    reject: async (slug: string, key: string, id: number, n: number, by = VIC, reason = "the design doc is a draft") =>
      await rejectTransition(db, { slug, key, transitionId: id, input: { reason }, actor: await person(by), now: at(n) }),
    edit: async (slug: string, key: string, n: number, by: string, fields: { owner?: string | null; title?: string }) => {
      const version = versions.get(key) ?? 1;
      versions.set(key, (await editItem(db, { slug, key, input: { ...fields, version }, expectedVersion: undefined, actor: await person(by), now: at(n) })).version);
    },
  };
}

describe("items I own", () => {
  it("are the items owned now, across programs, with when each last became the person's", async () => {
    const w = await setUp();
    const carl = await w.person(CARL);
    // Owned as the bundle came in: the log knows only the import's moment, and says so.
    expect(await listOwnedItems(w.db, carl)).toMatchObject([{ item: "FND-02", ownedFromCreation: true }]);
    await w.edit("p1", "FND-01", 1, ANN, { owner: CARL });
    await w.edit("p2", "NET-01", 2, RITA, { owner: CARL });
    await w.edit("p1", "FND-02", 3, ANN, { owner: ANN });
    const owned = new Map((await listOwnedItems(w.db, carl)).map((r) => [r.item, r]));
    expect([...owned.keys()].sort()).toEqual(["FND-01", "NET-01"]);
    expect(owned.get("FND-01")).toMatchObject({ program: "p1", programName: "Program p1", title: "Item FND-01", ownedSince: at(1), ownedFromCreation: false });
    expect(owned.get("NET-01")!.ownedSince).toBe(at(2));
  });

  it("an edit that sends the owner again changes nothing; taken away and given back, it is theirs from the return", async () => {
    const w = await setUp();
    const carl = await w.person(CARL);
    await w.edit("p1", "FND-01", 1, ANN, { owner: CARL });
    await w.edit("p1", "FND-01", 2, CARL, { owner: CARL, title: "Renamed" });
    expect((await listOwnedItems(w.db, carl)).find((r) => r.item === "FND-01")).toMatchObject({ title: "Renamed", ownedSince: at(1) });
    await w.edit("p1", "FND-01", 3, ANN, { owner: null });
    expect((await listOwnedItems(w.db, carl)).map((r) => r.item)).toEqual(["FND-02"]);
    await w.edit("p1", "FND-01", 4, ANN, { owner: CARL });
    expect((await listOwnedItems(w.db, carl)).find((r) => r.item === "FND-01")!.ownedSince).toBe(at(4));
  });

  it("carry the true and reported status, blocked and inflated, from the program's snapshot, in program then natural key order", async () => {
    const w = await setUp();
    await w.edit("p1", "FND-10", 1, ANN, { owner: CARL });
    await w.report("p1", "FND-02", 2, "build", ANN, [DOC]);
    const work = await openMyWork(w.db, await w.person(CARL), () => at(3));
    expect(work.owned.entries.map((e) => e.item)).toEqual(["FND-02", "FND-10"]);
    expect(work.owned.entries[0]).toMatchObject({ trueStatus: "not_started", reportedStatus: "build", inflated: true, blocked: false });
  });
});

describe("reported by me, awaiting verification", () => {
  it("lists the person's undecided transitions, newest first, with the status before each", async () => {
    const w = await setUp();
    const verified = await w.report("p1", "FND-01", 1);
    const rejected = await w.report("p2", "NET-01", 2);
    const waiting = await w.report("p1", "FND-01", 3, "build", CARL, [DOC, CODE]);
    const later = await w.report("p1", "FND-02", 4);
    await w.report("p1", "FND-02", 5, "design", ANN); // someone else's
    await w.verify("p1", verified, 6);
    await w.reject("p2", "NET-01", rejected, 7);
    const rows = await listMyAwaiting(w.db, await w.person(CARL));
    expect(rows.map((r) => r.transitionId)).toEqual([later, waiting]);
    expect(rows[1]).toMatchObject({ program: "p1", item: "FND-01", from: "design", to: "build", recordedAt: at(3) });
    expect(rows[0]).toMatchObject({ item: "FND-02", from: "not_started", to: "design" });
  });

  it("says which reports a later verified one already overtook: the item is at their status or past it today", async () => {
    const w = await setUp();
    const old = await w.report("p1", "FND-01", 1);
    const verified = await w.report("p1", "FND-01", 2, "design", ANN);
    const ahead = await w.report("p1", "FND-01", 3, "build", CARL, [DOC, CODE]);
    await w.verify("p1", verified, 4);
    const page = await openMyWork(w.db, await w.person(CARL), () => at(5));
    expect(page.awaiting.entries.map((e) => [e.transitionId, e.trueStatus, e.overtaken])).toEqual([
      [ahead, "design", false],
      [old, "design", true],
    ]);
  });
});

describe("rejected", () => {
  it("lists a rejection with its reviewer and reason until the report made again is decided", async () => {
    const w = await setUp();
    const carl = await w.person(CARL);
    const first = await w.report("p1", "FND-01", 1);
    await w.reject("p1", "FND-01", first, 2);
    expect(await listMyRejections(w.db, carl, at(3))).toEqual([
      expect.objectContaining({ transitionId: first, item: "FND-01", to: "design", rejectedBy: "VIC", reason: "the design doc is a draft", rejectionRecordedAt: at(2), again: null }),
    ]);
    // Not yet known at an earlier moment.
    expect(await listMyRejections(w.db, carl, at(1))).toEqual([]);

    const again = await w.report("p1", "FND-01", 4);
    expect((await listMyRejections(w.db, carl, at(5)))[0]!.again).toEqual({ transitionId: again, to: "design", recordedAt: at(4), by: "CARL" });
    await w.verify("p1", again, 6, RITA);
    expect(await listMyRejections(w.db, carl, at(7))).toEqual([]);
  });

  it("a report made again that is rejected in turn replaces the first rejection; a report past the status answers it too", async () => {
    const w = await setUp();
    const carl = await w.person(CARL);
    const first = await w.report("p1", "FND-01", 1);
    await w.reject("p1", "FND-01", first, 2);
    const second = await w.report("p1", "FND-01", 3);
    await w.reject("p1", "FND-01", second, 4, RITA, "still a draft");
    expect((await listMyRejections(w.db, carl, at(5))).map((r) => [r.transitionId, r.reason])).toEqual([[second, "still a draft"]]);

    const build = await w.report("p1", "FND-01", 6, "build", ANN, [DOC]);
    await w.verify("p1", build, 7);
    expect(await listMyRejections(w.db, carl, at(8))).toEqual([]);
  });

  it("a report made again below the rejected status does not answer it", async () => {
    const w = await setUp();
    const build = await w.report("p1", "FND-02", 1, "build", CARL, [DOC]);
    await w.reject("p1", "FND-02", build, 2);
    await w.report("p1", "FND-02", 3, "design", ANN);
    expect((await listMyRejections(w.db, await w.person(CARL), at(4))).map((r) => [r.transitionId, r.again])).toEqual([[build, null]]);
  });
});

describe("new since the last visit", () => {
  it("counts in the header exactly what the page marks new, and opening the page clears it, after showing it", async () => {
    const w = await setUp();
    const carl = await w.person(CARL);
    // Before a first visit, news counts from the account's creation: the imported item is not news.
    expect(await countMyWorkNew(w.db, carl, at(0))).toEqual({ owned: 0, awaiting: 0, rejected: 0, mentioned: 0 });
    const first = await w.report("p1", "FND-01", 1);
    await w.edit("p1", "FND-10", 2, ANN, { owner: CARL });
    expect(await countMyWorkNew(w.db, carl, at(2))).toEqual({ owned: 1, awaiting: 1, rejected: 0, mentioned: 0 });

    const visit1 = await openMyWork(w.db, carl, () => at(3));
    expect(visit1.since).toEqual({ at: carl.createdAt, firstVisit: true });
    expect(visit1.owned.newCount).toBe(1);
    expect(visit1.owned.entries.map((e) => [e.item, e.isNew])).toEqual([
      ["FND-02", false],
      ["FND-10", true],
    ]);
    expect(visit1.awaiting).toMatchObject({ newCount: 1, entries: [{ transitionId: first, isNew: true }] });
    expect(await countMyWorkNew(w.db, carl, at(3))).toEqual({ owned: 0, awaiting: 0, rejected: 0, mentioned: 0 });

    await w.reject("p1", "FND-01", first, 4);
    const second = await w.report("p1", "FND-02", 5);
    const before = await countMyWorkNew(w.db, carl, at(5));
    expect(before).toEqual({ owned: 0, awaiting: 1, rejected: 1, mentioned: 0 });
    const visit2 = await openMyWork(w.db, carl, () => at(6));
    expect(visit2.since).toEqual({ at: at(3), firstVisit: false });
    expect({ owned: visit2.owned.newCount, awaiting: visit2.awaiting.newCount, rejected: visit2.rejected.newCount, mentioned: visit2.mentions.newCount }).toEqual(before);
    expect(visit2.awaiting.entries.map((e) => [e.transitionId, e.isNew])).toEqual([[second, true]]);
    expect(visit2.rejected.entries.map((e) => [e.transitionId, e.isNew])).toEqual([[first, true]]);

    const visit3 = await openMyWork(w.db, carl, () => at(7));
    expect(visit3.rejected.entries.map((e) => e.isNew)).toEqual([false]);
    expect(await countMyWorkNew(w.db, carl, at(7))).toEqual({ owned: 0, awaiting: 0, rejected: 0, mentioned: 0 });
  });

  it("the mark only moves forward: a tab that read earlier but records later does not bring the news back", async () => {
    const w = await setUp();
    const carl = await w.person(CARL);
    await openMyWork(w.db, carl, () => at(5));
    expect(await recordMyWorkVisit(w.db, carl.id, at(2))).toBe(at(5));
    expect((await openMyWork(w.db, carl, () => at(6))).since).toEqual({ at: at(5), firstVisit: false });
  });

  it("a person with nothing sees empty sections and no news", async () => {
    const w = await setUp();
    const vic = await w.person(VIC);
    const work = await openMyWork(w.db, vic, () => at(1));
    expect([work.owned.entries, work.awaiting.entries, work.rejected.entries]).toEqual([[], [], []]);
    expect(await countMyWorkNew(w.db, vic, at(1))).toEqual({ owned: 0, awaiting: 0, rejected: 0, mentioned: 0 });
  });
});

describe("the reviewer's count", () => {
  const yours = async (w: Awaited<ReturnType<typeof setUp>>, email: string, now: number) =>
    (await listAwaitingReview(w.db, { viewer: await w.person(email), now })).items.filter((r) => r.notYours === null).length;

  it("is what the inbox lists as theirs: not their own reports, not their items, not an item they owned or re-assigned while it waited", async () => {
    const w = await setUp();
    await w.report("p1", "FND-01", 1); // Carl's: Rita and Vic may decide
    await w.report("p2", "NET-01", 2); // on Rita's item
    await w.report("p1", "FND-02", 3, "design", RITA); // Rita's own report
    await w.report("p1", "FND-10", 4);
    await w.edit("p1", "FND-10", 5, ANN, { owner: VIC }); // Vic owns FND-10 while it waits...
    await w.edit("p1", "FND-10", 6, ANN, { owner: null }); // ...and not any more
    await w.report("p1", "FND-02", 7, "build", ANN, [DOC]);
    await w.edit("p1", "FND-02", 8, RITA, { owner: ANN }); // Rita re-assigns FND-02 while it waits
    await w.edit("p1", "FND-01", 9, VIC, { title: "Renamed" }); // an edit that leaves the owner changes nothing
    const decided = await w.report("p1", "FND-01", 10, "build", ANN, [DOC]);
    await w.verify("p1", decided, 11);
    const now = at(12);
    for (const email of [RITA, VIC]) expect(await countReviewable(w.db, await w.person(email), now)).toBe(await yours(w, email, now));
    expect(await countReviewable(w.db, await w.person(VIC), now)).toBe(4); // all but his step-aside item (and the decided one)
    expect(await countReviewable(w.db, await w.person(RITA), now)).toBe(2); // not NET-01 (hers), her own report, nor FND-02's (she re-assigned it)
    // Past the window (owned before the report) nothing stops Vic on FND-10's next report.
    await w.report("p1", "FND-10", 13, "build", CARL, [DOC]);
    expect(await countReviewable(w.db, await w.person(VIC), at(14))).toBe(await yours(w, VIC, at(14)));
    expect(await countReviewable(w.db, await w.person(VIC), at(14))).toBe(5);
  });

  it("is null for a role that does not verify", async () => {
    const w = await setUp();
    await w.report("p1", "FND-01", 1);
    expect(await countReviewable(w.db, await w.person(CARL))).toBeNull();
  });

  it("the database refuses a second decision the other way, so undecided = transitions - verifications - rejections", async () => {
    const w = await setUp();
    const id = await w.report("p1", "FND-01", 1);
    await w.reject("p1", "FND-01", id, 2);
    const vic = await w.person(VIC);
    expect(() =>
      w.db.$client.prepare("INSERT INTO verifications (transition_id, verifier_id, verified_at, recorded_at) VALUES (?, ?, ?, ?)").run(id, vic.id, at(3), at(3)),
    ).toThrow(/rejected: it cannot also be verified/);
    const other = await w.report("p1", "FND-02", 4);
    await w.verify("p1", other, 5);
    expect(() =>
      w.db.$client
        .prepare("INSERT INTO transition_rejections (transition_id, rejecter_id, rejected_at, recorded_at, reason) VALUES (?, ?, ?, ?, 'x')")
        .run(other, vic.id, at(6), at(6)),
    ).toThrow(/verified: it cannot also be rejected/);
  });
});

describe("comments that mention me", () => {
  it("are listed newest first with who wrote them, counted as new once, and leave when deleted; my own mention of myself is not news", async () => {
    const w = await setUp();
    await giveAccounts(w.db, [CARL]); // a mention names only people who can sign in and read it
    const carl = await w.person(CARL);
    await openMyWork(w.db, carl, () => at(0));
    const say = async (by: string, body: string, n: number, subject: { item: string } = { item: "FND-02" }) =>
      (await addComment(w.db, { slug: "p1", subject, input: { body }, actor: await w.person(by), now: at(n) })).id;
    const first = await say(RITA, "@carl the design doc lacks the rollback plan", 1);
    await say(ANN, "no mention here", 2);
    await say(CARL, "note to self @carl", 3);
    const second = await say(VIC, "@carl see FND-01 too", 4, { item: "FND-01" });
    expect(await countMyWorkNew(w.db, carl, at(5))).toMatchObject({ mentioned: 2 });

    const visit = await openMyWork(w.db, carl, () => at(5));
    expect(visit.mentions.newCount).toBe(2);
    expect(visit.mentions.entries.map((e) => [e.commentId, e.byName, e.item, e.isNew])).toEqual([
      [second, "VIC", "FND-01", true],
      [first, "RITA", "FND-02", true],
    ]);
    expect(visit.mentions.entries[1]!.excerpt).toContain("rollback plan");
    expect(await countMyWorkNew(w.db, carl, at(6))).toMatchObject({ mentioned: 0 });

    await deleteComment(w.db, { slug: "p1", commentId: second, expectedVersion: undefined, actor: await w.person(VIC), now: at(7) });
    expect((await openMyWork(w.db, carl, () => at(8))).mentions.entries.map((e) => [e.commentId, e.isNew])).toEqual([[first, false]]);
  });
});
