import { firstRow } from "@/db/first-row";
/**
 * DESIGN §13 "four eyes over time", through the one verification function every caller uses:
 * a person may not verify a transition of an item they owned at any moment between the
 * transition's recordedAt and the verification, nor one whose owner they changed in that window.
 * Times are injected, one minute apart, so the order of the writes is the order of the clock.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { editItem } from "@/db/mutations/edit-item";
import { recordTransition } from "@/db/mutations/record-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { verifications } from "@/db/schema";
import { verifyLog } from "@/db/verify-log";
import { refusal } from "../support/refusal";

const SLUG = "eyes";
const ANN = "ann@example.com"; // contributor, usual owner
const CARL = "carl@example.com"; // contributor, reports
const RITA = "rita@example.com"; // reviewer
const MINUTE = 60_000;
// After the import's own log entries (the log's clock never runs backwards).
const T0 = Date.now() + MINUTE;
const at = (n: number) => T0 + n * MINUTE;
const iso = (n: number) => new Date(at(n)).toISOString();

async function setUp(owner: string) {
  const db = await openDatabase(":memory:");
  await importBundle(
    db,
    {
      format: "offload-tracker/v1",
      program: { slug: SLUG, name: "Four eyes" },
      people: [ANN, CARL, RITA].map((email) => ({ email, name: email.split("@")[0], team: "Core" })),
      items: [{ key: "FND-01", title: "Key-value store", area: "Foundations", owner, estimateWeeks: 2, identifiedAt: "2024-01-01" }],
    },
    { actor: null },
  );
  const person = async (email: string) => (await findPerson(db, email))!;
  let version = 1;
  return {
    db,
    person,
    report: async (n: number) => (await recordTransition(db, { slug: SLUG, key: "FND-01", input: { to: "design" }, actor: await person(CARL), now: at(n) })).id,
    edit: async (n: number, by: string, fields: { owner?: string | null; title?: string }) =>
      (version = (await editItem(db, { slug: SLUG, key: "FND-01", input: { ...fields, version }, expectedVersion: undefined, actor: await person(by), now: at(n) })).version),
    verify: async (n: number, id: number, by = RITA) => await verifyTransition(db, { slug: SLUG, transitionId: id, input: {}, actor: await person(by), now: at(n) }),
  };
}

const verified = async (db: Db, id: number) => (await firstRow(db.select().from(verifications).where(eq(verifications.transitionId, id))));

describe("four eyes over time (verifyTransition)", () => {
  it("a reviewer who clears the owner, verifies and restores it is refused", async () => {
    const w = await setUp(RITA);
    const id = await w.report(1);
    await w.edit(2, RITA, { owner: null });
    const e = await refusal(async () => await w.verify(3, id));
    await w.edit(4, RITA, { owner: RITA });
    expect(e.code).toBe("rule");
    expect(e.message).toContain(`${RITA} owned FND-01 between ${iso(1)} and ${iso(2)}`);
    expect(e.message).toContain(`${RITA} changed the owner of FND-01 from ${RITA} to nobody at ${iso(2)}`);
    expect(e.errors).toEqual([{ path: "verifiedBy", message: e.message }]);
    expect(await verified(w.db, id)).toBeUndefined();
    expect((await verifyLog(w.db)).ok).toBe(true);
  });

  // Reported at 1, the owner set at 2, verified by Rita at 3: the refusal names the one rule broken.
  const refusedFor = [
    {
      title: "a reviewer whose ownership a contributor cleared is refused for having owned it",
      owner: RITA,
      editor: ANN,
      newOwner: null,
      message: `four eyes: ${RITA} owned FND-01 between ${iso(1)} and ${iso(2)}, while this transition (recorded ${iso(1)}) awaited verification`,
    },
    {
      title: "a reviewer who changed the owner in the window, without ever owning it, is refused for the change",
      owner: ANN,
      editor: RITA,
      newOwner: CARL,
      message: `four eyes: ${RITA} changed the owner of FND-01 from ${ANN} to ${CARL} at ${iso(2)}, while this transition (recorded ${iso(1)}) awaited verification`,
    },
  ];
  for (const { title, owner, editor, newOwner, message } of refusedFor)
    it(title, async () => {
      const w = await setUp(owner);
      const id = await w.report(1);
      await w.edit(2, editor, { owner: newOwner });
      expect((await refusal(async () => await w.verify(3, id))).message).toBe(message);
    });

  it("a reviewer who owned the item only in the middle of the window is refused", async () => {
    const w = await setUp(ANN);
    const id = await w.report(1);
    await w.edit(2, ANN, { owner: RITA });
    await w.edit(3, ANN, { owner: ANN });
    const e = await refusal(async () => await w.verify(4, id));
    expect(e.message).toContain(`${RITA} owned FND-01 between ${iso(2)} and ${iso(3)}`);
    expect(e.message).not.toContain("changed the owner");
  });

  it("a reviewer who merely changed something else (sending the same owner, as the edit form does) is not refused", async () => {
    const w = await setUp(ANN);
    const id = await w.report(1);
    await w.edit(2, RITA, { title: "Key-value store v2", owner: ANN });
    expect(await w.verify(3, id)).toMatchObject({ verifiedBy: RITA });
    expect(await verified(w.db, id)).toBeDefined();
  });

  it("owning the item, or changing its owner, before the transition was recorded is fine", async () => {
    const w = await setUp(RITA);
    await w.edit(1, RITA, { owner: ANN });
    const id = await w.report(2);
    expect(await w.verify(3, id)).toMatchObject({ verifiedBy: RITA });
  });

  it("becoming the owner after the verification does not undo it", async () => {
    const w = await setUp(ANN);
    const id = await w.report(1);
    await w.verify(2, id);
    await w.edit(3, ANN, { owner: RITA });
    expect(await verified(w.db, id)).toBeDefined();
  });

  it("the current owner and the reporter are still refused, in the same words as before", async () => {
    const w = await setUp(RITA);
    const id = await w.report(1);
    expect((await refusal(async () => await w.verify(2, id))).message).toBe(`four eyes: ${RITA} owns this item and cannot verify its transitions`);
    expect((await refusal(async () => await w.verify(2, id, CARL))).message).toBe(`four eyes: ${CARL} reported this transition and cannot also verify it`);
  });
});
