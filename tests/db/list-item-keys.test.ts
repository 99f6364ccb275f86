/**
 * The item page's dependency choices: every key of the program, those identified after the view's
 * date included (a dependency is added today), in the program's order, while there are at most as
 * many as a select shows; past that, none (the form searches keys instead).
 */
import { describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase } from "@/db/index";
import { listItemKeys } from "@/db/queries/list-item-keys";
import { endOfToday, toInstant } from "@/lib/time";

async function programOf(identified: Record<string, string>) {
  const db = await openDatabase(":memory:");
  await importBundle(
    db,
    {
      format: "offload-tracker/v1",
      program: { slug: "keys", name: "Keys" },
      people: [],
      items: Object.entries(identified).map(([key, identifiedAt]) => ({ key, title: key, area: "Core", owner: null, estimateWeeks: 1, identifiedAt })),
    },
    { actor: "test" },
  );
  return db;
}

describe("listItemKeys", () => {
  it("lists every key of the program while there are at most atMost, and none past it", async () => {
    const db = await programOf({ "A-1": "2024-01-01", "A-2": "2024-01-01", "A-3": "2024-03-01" });
    const today = endOfToday(Date.now());
    expect(await listItemKeys(db, "keys", today, today)).toEqual(["A-1", "A-2", "A-3"]);
    expect(await listItemKeys(db, "keys", today, today, 3)).toEqual(["A-1", "A-2", "A-3"]);
    expect(await listItemKeys(db, "keys", today, today, 2)).toBeNull();
    // A view of a date before A-3 was identified still offers it.
    const february = toInstant("2024-02-01");
    expect(await listItemKeys(db, "keys", february, today)).toEqual(["A-1", "A-2", "A-3"]);
    expect(await listItemKeys(db, "keys", february, today, 2)).toBeNull();
  });
});
