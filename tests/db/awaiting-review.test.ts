/**
 * The reviewers' inbox: every reported transition nobody verified or rejected, oldest first, and
 * for each whether the viewer may decide on it by the same four-eyes rule the mutations enforce.
 */
import { describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { recordTransition } from "@/db/mutations/record-transition";
import { rejectTransition } from "@/db/mutations/reject-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { listAwaitingReview, reportsNotYoursOnItem } from "@/db/queries/list-awaiting-review";

const ANN = "ann@example.com"; // owns FND-01
const CARL = "carl@example.com"; // reports
const RITA = "rita@example.com"; // reviewer, owns NET-01
const VIC = "vic@example.com"; // a second reviewer
const T0 = Date.UTC(2024, 2, 4, 10);
const at = (days: number) => T0 + days * 86_400_000;
const DOC = { kind: "design_doc", url: "https://docs.example.com/d", summary: "Design" };

async function setUp() {
  const db = await openDatabase(":memory:");
  for (const [slug, area, owner, key] of [
    ["p1", "Foundations", ANN, "FND-01"],
    ["p2", "Network", RITA, "NET-01"],
  ] as const)
    await importBundle(
      db,
      {
        format: "offload-tracker/v1",
        program: { slug, name: `Program ${slug}` },
        people: [ANN, CARL, RITA, VIC].map((email) => ({ email, name: email.split("@")[0]!.toUpperCase(), team: "Core" })),
        items: [{ key, title: `Item ${key}`, area, owner, estimateWeeks: 2, identifiedAt: "2024-01-01" }],
      },
      { actor: null },
    );
  // Everyone here reviews; the role refusal has its own test.
  const person = async (email: string) => ({ ...(await findPerson(db, email))!, role: "reviewer" as const });
  const report = async (slug: string, key: string, days: number, to = "design", by = CARL) =>
    (await recordTransition(db, { slug, key, input: { to, evidence: [DOC] }, actor: await person(by), now: at(days) })).id;
  return { db, person, report };
}

describe("listAwaitingReview", () => {
  it("lists undecided transitions across programs, oldest report first, with their evidence", async () => {
    const { db, person, report } = await setUp();
    const verified = await report("p1", "FND-01", 2);
    const late = await report("p1", "FND-01", 3, "build");
    const early = await report("p2", "NET-01", 1);
    await verifyTransition(db, { slug: "p1", transitionId: verified, input: { note: "" }, actor: await person(VIC), now: at(4) });
    const rejected = await report("p2", "NET-01", 2, "build");
    await rejectTransition(db, { slug: "p2", key: "NET-01", transitionId: rejected, input: { reason: "no test report" }, actor: await person(VIC), now: at(4) });

    const { total, items } = await listAwaitingReview(db, { viewer: await person(VIC), now: at(10) });
    expect(total).toBe(2);
    expect(items.map((r) => r.transitionId)).toEqual([early, late]);
    expect(items[0]).toMatchObject({ program: "p2", item: "NET-01", area: "Network", to: "design", reporter: "CARL", notYours: null });
    expect(items[1]).toMatchObject({ program: "p1", item: "FND-01", to: "build" });
    expect(items[0]!.evidence).toEqual([{ kind: "design_doc", url: DOC.url, summary: "Design", artefactName: null, artefactSha256: null }]);
  });

  it("says why a transition is not the viewer's to decide: their own report, their item", async () => {
    const { db, person, report } = await setUp();
    const own = await report("p1", "FND-01", 1, "design", RITA);
    const onHerItem = await report("p2", "NET-01", 2);
    const byCarl = await report("p1", "FND-01", 3, "build");
    const rows = new Map((await listAwaitingReview(db, { viewer: await person(RITA), now: at(10) })).items.map((r) => [r.transitionId, r.notYours]));
    expect(rows.get(own)).toMatch(/^you reported this transition and cannot also verify it$/);
    expect(rows.get(onHerItem)).toMatch(/^you own this item and cannot verify its transitions$/);
    expect(rows.get(byCarl)).toBeNull();
    // What the inbox offers, the mutation accepts; what it refuses, the mutation refuses.
    await expect(verifyTransition(db, { slug: "p1", transitionId: own, input: { note: "" }, actor: await person(RITA), now: at(10) })).rejects.toThrow(/four eyes/);
    expect(await verifyTransition(db, { slug: "p1", transitionId: byCarl, input: { note: "" }, actor: await person(RITA), now: at(10) })).toBeTruthy();
  });

  it("narrows to an area in any case, or to one item; an item's page gets the rule for each report its viewer may not decide", async () => {
    const { db, person, report } = await setUp();
    const own = await report("p1", "FND-01", 1, "design", RITA);
    const byCarl = await report("p1", "FND-01", 2, "build");
    await report("p2", "NET-01", 1);
    const rita = await person(RITA);
    const ids = async (q: { program?: string; area?: string; item?: string }) => (await listAwaitingReview(db, { viewer: rita, now: at(10), ...q })).items.map((r) => r.transitionId);
    expect(await ids({ area: "foundations" })).toEqual([own, byCarl]);
    expect(await ids({ area: "Found" })).toEqual([]);
    expect(await ids({ program: "p1", item: "FND-01" })).toEqual([own, byCarl]);
    expect(await ids({ program: "p1", item: "NET-01" })).toEqual([]);
    expect(await reportsNotYoursOnItem(db, rita, "p1", "FND-01", at(10))).toEqual(new Map([[own, "you reported this transition and cannot also verify it"]]));
  });

  it("tells a person whose role does not verify so, on every row", async () => {
    const { db, person, report } = await setUp();
    await report("p1", "FND-01", 1);
    const contributor = { ...(await person(ANN)), role: "contributor" as const };
    const { items } = await listAwaitingReview(db, { viewer: contributor, now: at(10) });
    expect(items.map((r) => r.notYours)).toEqual(["your role (contributor) does not verify: reviewers and admins do"]);
  });

  it("filters by program and by area, and cuts the list at the limit while counting all", async () => {
    const { db, person, report } = await setUp();
    await report("p1", "FND-01", 1);
    await report("p1", "FND-01", 2, "build");
    await report("p2", "NET-01", 3);
    const viewer = await person(VIC);
    expect((await listAwaitingReview(db, { viewer, program: "p1" })).items.map((r) => r.item)).toEqual(["FND-01", "FND-01"]);
    expect((await listAwaitingReview(db, { viewer, area: "Network" })).items.map((r) => r.item)).toEqual(["NET-01"]);
    expect((await listAwaitingReview(db, { viewer, program: "p2", area: "Foundations" })).total).toBe(0);
    const cut = await listAwaitingReview(db, { viewer, limit: 1 });
    expect(cut.total).toBe(3);
    expect(cut.items).toHaveLength(1);
  });

  it("pages through every report, oldest or newest first, so none is out of reach however many wait", async () => {
    const { db, person, report } = await setUp();
    const ids = [await report("p1", "FND-01", 1), await report("p1", "FND-01", 2, "build"), await report("p2", "NET-01", 3)];
    const viewer = await person(VIC);
    const page = async (offset: number, newestFirst = false) => (await listAwaitingReview(db, { viewer, limit: 2, offset, newestFirst })).items.map((r) => r.transitionId);
    expect([...(await page(0)), ...(await page(2))]).toEqual(ids);
    expect([...(await page(0, true)), ...(await page(2, true))]).toEqual([...ids].reverse());
    expect(await page(4)).toEqual([]);
  });

  it("marks a report overtaken when the item is already at its status or past it: deciding it changes no status today", async () => {
    const { db, person, report } = await setUp();
    const first = await report("p1", "FND-01", 1);
    const again = await report("p1", "FND-01", 2);
    const build = await report("p1", "FND-01", 3, "build");
    await verifyTransition(db, { slug: "p1", transitionId: again, input: { note: "" }, actor: await person(VIC), now: at(4) });
    const rows = (await listAwaitingReview(db, { viewer: await person(VIC), now: at(10) })).items;
    // FND-01 is at Design: another report to Design moves nothing today; one to Build would.
    expect(rows.map((r) => [r.transitionId, r.trueStatus, r.overtaken])).toEqual([
      [first, "design", true],
      [build, "design", false],
    ]);
  });
});
