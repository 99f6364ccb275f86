/**
 * Who may own an item: the Owner select offers every person not disabled, and the current owner
 * even when disabled, so that saving other fields keeps them; the edit refuses to give an item to
 * a disabled person (a 400 naming `owner`, nothing written) but lets a disabled owner stay.
 */
import { describe, expect, it } from "vitest";
import { disableAccount } from "@/db/accounts/account-access";
import { findPerson } from "@/db/accounts/manage-users";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { editItem } from "@/db/mutations/edit-item";
import { findProgramItem } from "@/db/queries/find-program-item";
import { listOwnerChoices } from "@/db/queries/list-owner-choices";
import { auditLog, items } from "@/db/schema";
import { refusal } from "../support/refusal";
import { rowCounts } from "../support/row-counts";

const SLUG = "owners";
const ANN = "ann@example.com"; // owns FND-01, disabled in the tests that need it
const BEA = "bea@example.com";
const CY = "cy@example.com"; // disabled from the start
const ZOE = "zoe@example.com"; // an account-less person a bundle brought in: may own items

async function setUp() {
  const db = await openDatabase(":memory:");
  await importBundle(
    db,
    {
      format: "offload-tracker/v1",
      program: { slug: SLUG, name: "Owners" },
      people: [
        { email: ZOE, name: "Zoe Zed", team: "Core" },
        { email: BEA, name: "Bea Bell", team: "Core" },
        { email: ANN, name: "Ann Ash", team: "Core" },
        { email: CY, name: "Cy Cole", team: "Core" },
      ],
      items: [
        { key: "FND-01", title: "Key-value store", area: "Foundations", owner: ANN, estimateWeeks: 2, identifiedAt: "2024-01-01" },
        { key: "FND-02", title: "Tracing", area: "Foundations", owner: null, estimateWeeks: 2, identifiedAt: "2024-01-01" },
      ],
    },
    { actor: null },
  );
  await disableAccount(db, CY, null);
  const actor = (await findPerson(db, BEA))!;
  const edit = async (key: string, fields: Record<string, unknown>) => {
    const { version } = (await findProgramItem(db, SLUG, key)).item;
    return await editItem(db, { slug: SLUG, key, input: { ...fields, version }, expectedVersion: undefined, actor });
  };
  const ownerOf = async (key: string) => (await findProgramItem(db, SLUG, key)).ownerEmail;
  return { db, edit, ownerOf };
}

describe("the Owner select", () => {
  it("offers every person not disabled, by name, with or without an account; never a disabled one", async () => {
    const { db } = await setUp();
    expect(await listOwnerChoices(db, null)).toEqual([
      { email: ANN, name: "Ann Ash", disabled: false },
      { email: BEA, name: "Bea Bell", disabled: false },
      { email: ZOE, name: "Zoe Zed", disabled: false },
    ]);
    expect((await listOwnerChoices(db, BEA)).map((p) => p.email)).toEqual([ANN, BEA, ZOE]);
  });

  it("keeps a disabled current owner, marked disabled, and no other disabled person", async () => {
    const { db } = await setUp();
    await disableAccount(db, ANN, null);
    expect(await listOwnerChoices(db, ANN)).toEqual([
      { email: ANN, name: "Ann Ash", disabled: true },
      { email: BEA, name: "Bea Bell", disabled: false },
      { email: ZOE, name: "Zoe Zed", disabled: false },
    ]);
    expect((await listOwnerChoices(db, BEA)).map((p) => p.email)).toEqual([BEA, ZOE]);
  });
});

describe("editing an item's owner", () => {
  it("refuses to give an item to a disabled person: a 400 naming owner, nothing written", async () => {
    const w = await setUp();
    const before = { rows: JSON.stringify((await w.db.select().from(items))), ...await rowCounts(w.db, { auditLog }) };
    for (const key of ["FND-01", "FND-02"]) {
      const e = await refusal(() => w.edit(key, { owner: CY, title: "Renamed" }));
      expect(e.status).toBe(400);
      expect(e.errors).toEqual([{ path: "owner", message: `${CY} is disabled: choose someone active, or nobody` }]);
    }
    expect({ rows: JSON.stringify((await w.db.select().from(items))), ...await rowCounts(w.db, { auditLog }) }).toEqual(before);
  });

  it("lets a disabled owner stay while other fields change, as the form sends the owner as it was; once moved, they cannot be given it back", async () => {
    const w = await setUp();
    await disableAccount(w.db, ANN, null);
    expect(await w.edit("FND-01", { owner: ANN, title: "Key-value store, v2" })).toMatchObject({ version: 2 });
    expect(await findProgramItem(w.db, SLUG, "FND-01")).toMatchObject({ item: { title: "Key-value store, v2" }, ownerEmail: ANN });
    await w.edit("FND-01", { owner: ZOE });
    expect(await w.ownerOf("FND-01")).toBe(ZOE);
    expect((await refusal(() => w.edit("FND-01", { owner: ANN }))).errors.map((x) => x.path)).toEqual(["owner"]);
    await w.edit("FND-01", { owner: null });
    expect(await w.ownerOf("FND-01")).toBeNull();
  });
});
