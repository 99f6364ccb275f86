import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addUser } from "@/db/accounts/manage-users";
import { openDatabase } from "@/db/index";
import { importBundle } from "@/db/import-bundle";
import { recordTransition } from "@/db/mutations/record-transition";
import { getItemDetail } from "@/db/queries/get-item-detail";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { memoItemByHead } from "@/db/queries/memo-by-head";
import { smallBundle } from "../support/small-bundle";

describe("the history cache", () => {
  it("serves the same history while the log head stays, and reloads after any write", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cache-")), "t.db");
    const db = await openDatabase(file);
    await importBundle(db, smallBundle("p"), { actor: null });
    const first = await loadProgramHistory(db, "p");
    expect(await loadProgramHistory(db, "p")).toBe(first);

    const actor = await addUser(db, { email: "x@example.com", name: "X", role: "contributor" }, null);
    await recordTransition(db, { slug: "p", key: "A", input: { to: "design" }, actor });
    const second = await loadProgramHistory(db, "p");
    expect(second).not.toBe(first);
    expect(second.items.find((i) => i.key === "A")!.transitions).toHaveLength(1);

    // A write by another connection (another process, the CLI) is seen too.
    const other = new Database(file);
    other.prepare("UPDATE items SET title = 'renamed' WHERE key = 'B'").run();
    other
      .prepare(
        "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, program_slug, payload, prev_hash, hash) SELECT seq + 1, at, actor, 'update', 'item', 'B', 'p', '{}', hash, 'x' FROM audit_log ORDER BY seq DESC LIMIT 1",
      )
      .run();
    other.close();
    expect((await loadProgramHistory(db, "p")).items.find((i) => i.key === "B")!.title).toBe("renamed");
  });
});

describe("the item answer cache", () => {
  it("serves one item's answer until any write, and reading many items keeps the program's answers", async () => {
    const db = await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "item-cache-")), "t.db"));
    await importBundle(db, smallBundle("p"), { actor: null });
    const asOf = Date.parse("2030-01-01T00:00:00Z");
    const history = await loadProgramHistory(db, "p");
    const a = await getItemDetail(db, "p", "A", asOf, asOf);
    expect(await getItemDetail(db, "p", "A", asOf, asOf)).toBe(a);
    // Admins and readers are told different things (e-mails or names): two answers.
    expect(await getItemDetail(db, "p", "A", asOf, asOf, "admin")).not.toBe(a);

    for (let i = 0; i < 600; i++) await memoItemByHead(db, `item:other:${i}`, () => i);
    expect(await loadProgramHistory(db, "p")).toBe(history);

    const actor = await addUser(db, { email: "y@example.com", name: "Y", role: "contributor" }, null);
    await recordTransition(db, { slug: "p", key: "A", input: { to: "design" }, actor });
    const after = await getItemDetail(db, "p", "A", asOf, asOf);
    expect(after).not.toBe(a);
    expect(after.history.map((t) => t.to)).toEqual([...a.history.map((t) => t.to), "design"]);
  });
});
