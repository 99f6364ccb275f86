import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addUser } from "@/db/accounts/manage-users";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { addDependency, removeDependency } from "@/db/mutations/change-dependency";
import { itemKeySchema } from "@/lib/bundle/bundle-schema";
import { dependencyId, LOG_ACTIONS, LOG_ENTITIES, parseDependencyId, reportId } from "@/lib/log-vocabulary";

// Any key the bundle and the API accept.
const itemKey = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/);

describe("dependency ids", () => {
  it("are written exactly as the stored log has them", () => {
    expect(dependencyId("VM-01", "FND-02")).toBe("VM-01->FND-02");
    expect(reportId("boost-offload", "2024-W52")).toBe("boost-offload/2024-W52");
  });

  it("parse back to the keys they were made of", () => {
    fc.assert(
      fc.property(itemKey, itemKey, (item, dependsOn) => {
        expect(itemKeySchema.safeParse(item).success && itemKeySchema.safeParse(dependsOn).success).toBe(true);
        expect(parseDependencyId(dependencyId(item, dependsOn))).toEqual({ item, dependsOn });
      }),
    );
  });

  it("refuse what is not the id of one dependency", () => {
    for (const id of ["", "A", "A-B", "A->", "->B", "->", "A->B->C", "A - > B"]) expect(parseDependencyId(id), id).toBeNull();
  });
});

describe("the log's vocabulary", () => {
  it("holds every word an import and a dependency change write, and their ids parse", async () => {
    const db = await openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vocabulary-")), "t.db"));
    await importBundle(db, JSON.parse(fs.readFileSync("db/seed/boost-offload.json", "utf8")), { actor: null });
    const actor = await addUser(db, { email: "writer@example.com", name: "Writer", role: "contributor" }, null);
    const slug = "boost-offload";
    const [a, b] = db.$client.prepare("SELECT key FROM items ORDER BY key DESC LIMIT 2").pluck().all() as string[];
    await addDependency(db, { slug, key: a!, input: { dependsOn: b! }, actor });
    await removeDependency(db, { slug, key: a!, dependsOn: b!, actor });

    const rows = db.$client.prepare("SELECT action, entity, entity_id AS entityId, payload FROM audit_log").all() as {
      action: string;
      entity: string;
      entityId: string;
      payload: string;
    }[];
    expect(rows.filter((r) => !(LOG_ENTITIES as readonly string[]).includes(r.entity))).toEqual([]);
    expect(rows.filter((r) => !(LOG_ACTIONS as readonly string[]).includes(r.action))).toEqual([]);
    const dependencyRows = rows.filter((r) => r.entity === "dependency");
    expect(dependencyRows.map((r) => r.action)).toEqual(expect.arrayContaining(["add", "remove"]));
    for (const r of dependencyRows) expect(parseDependencyId(r.entityId)).toEqual(JSON.parse(r.payload));
    db.$client.close();
  });
});
