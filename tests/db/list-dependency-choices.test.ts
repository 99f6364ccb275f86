/**
 * The item page's dependency choices: every key of the program, those identified after the view's
 * date included (a dependency is added today), in the program's order, but the item itself, its
 * dependencies and what waits on it — while there are at most as many as a select shows; past
 * that, none (the form searches keys instead).
 */
import { describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { listDependencyChoices } from "@/db/queries/list-dependency-choices";
import { endOfToday, toInstant } from "@/lib/time";

async function programOf(identified: Record<string, string>, dependsOn: Record<string, string[]> = {}) {
  const db = await openDatabase(":memory:");
  await importBundle(
    db,
    {
      format: "offload-tracker/v1",
      program: { slug: "keys", name: "Keys" },
      people: [],
      items: Object.entries(identified).map(([key, identifiedAt]) => ({ key, title: key, area: "Core", owner: null, estimateWeeks: 1, identifiedAt, dependsOn: dependsOn[key] ?? [] })),
    },
    { actor: "test" },
  );
  return db;
}

describe("listDependencyChoices", () => {
  it("lists every other key of the program while there are at most atMost, and none past it", async () => {
    const db = await programOf({ "A-1": "2024-01-01", "A-2": "2024-01-01", "A-3": "2024-03-01" });
    const today = endOfToday(Date.now());
    expect(await listDependencyChoices(db, "keys", "A-1", today, today)).toEqual(["A-2", "A-3"]);
    expect(await listDependencyChoices(db, "keys", "A-1", today, today, 3)).toEqual(["A-2", "A-3"]);
    expect(await listDependencyChoices(db, "keys", "A-1", today, today, 2)).toBeNull();
    // A view of a date before A-3 was identified still offers it.
    const february = toInstant("2024-02-01");
    expect(await listDependencyChoices(db, "keys", "A-1", february, today)).toEqual(["A-2", "A-3"]);
    expect(await listDependencyChoices(db, "keys", "A-1", february, today, 2)).toBeNull();
  });

  it("leaves out what the item depends on and everything that waits on it, directly or not", async () => {
    // A-3 waits on A-2, which waits on A-1; A-4 stands alone.
    const db = await programOf({ "A-1": "2024-01-01", "A-2": "2024-01-01", "A-3": "2024-01-01", "A-4": "2024-01-01" }, { "A-2": ["A-1"], "A-3": ["A-2"] });
    const today = endOfToday(Date.now());
    expect(await listDependencyChoices(db, "keys", "A-1", today, today)).toEqual(["A-4"]);
    expect(await listDependencyChoices(db, "keys", "A-2", today, today)).toEqual(["A-4"]);
    // A-1 is already waited on through A-2: naming it again closes no cycle.
    expect(await listDependencyChoices(db, "keys", "A-3", today, today)).toEqual(["A-1", "A-4"]);
    expect(await listDependencyChoices(db, "keys", "A-4", today, today)).toEqual(["A-1", "A-2", "A-3"]);
  });
});
