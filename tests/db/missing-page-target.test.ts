/**
 * The check before a page is drawn: whether the program, item, claim or week its address names is
 * missing, by the same lookups as the pages (so a name the page shows is never called missing,
 * and a name the page would answer 404 for always is).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { getReportPreview } from "@/db/queries/get-report-preview";
import { missingPageTarget } from "@/db/queries/missing-page-target";
import { pageTarget } from "@/lib/http/page-target";
import { toInstant } from "@/lib/time";

const NOW = toInstant("2025-02-01");
let db: Db;

beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(
    db,
    {
      format: "offload-tracker/v1",
      program: { slug: "pt", name: "Page targets" },
      people: [],
      items: [{ key: "A-1", title: "A", area: "Core", owner: null, estimateWeeks: 1, identifiedAt: "2024-12-02" }],
      claims: [{ id: "c1", date: "2025-01-15", speaker: "S", quote: "Q", url: "https://example.com/", links: [{ item: "A-1", requires: "done" }] }],
    },
    { actor: "test" },
  );
});

const missing = (path: string) => missingPageTarget(db, pageTarget(path)!, NOW);

describe("missingPageTarget", () => {
  it("finds nothing missing where the page has something to show", async () => {
    for (const path of ["/programs/pt", "/programs/pt/items", "/programs/pt/settings", "/programs/pt/items/A-1", "/programs/pt/claims/c1", "/programs/pt/reports/2024-W49", "/programs/pt/reports/2025-W04", "/programs/pt/reports/2025-01-22"])
      expect(await missing(path), path).toBeNull();
  });

  it("names the program when it is unknown, whatever is asked inside it", async () => {
    for (const path of ["/programs/nope", "/programs/nope/items/A-1", "/programs/nope/claims/c1", "/programs/nope/reports/2025-W04", "/programs/nope/timeline", "/programs/pt%00"])
      expect(await missing(path), path).toEqual({ kind: "program" });
  });

  it("names the item, claim or week of a known program that has none by that name", async () => {
    expect(await missing("/programs/pt/items/A-2")).toEqual({ kind: "item", slug: "pt" });
    expect(await missing("/programs/pt/items/A-1%25")).toEqual({ kind: "item", slug: "pt" });
    expect(await missing("/programs/pt/items/A-1%00")).toEqual({ kind: "item", slug: "pt" });
    expect(await missing("/programs/pt/claims/c2")).toEqual({ kind: "claim", slug: "pt" });
    // Before the first item, not yet complete, malformed, or more than one segment.
    for (const week of ["2024-W48", "2025-W05", "2099-W01", "2025-W99", "W04", "2025-W04/extra"])
      expect(await missing(`/programs/pt/reports/${week}`), week).toEqual({ kind: "week", slug: "pt" });
  });

  it("agrees with the week's page on every week of the year around the program", async () => {
    for (let w = 1; w <= 53; w++)
      for (const year of [2024, 2025]) {
        const week = `${year}-W${String(w).padStart(2, "0")}`;
        const page = await getReportPreview(db, "pt", week, NOW).then(
          () => "shown",
          () => "not found",
        );
        expect((await missing(`/programs/pt/reports/${week}`)) === null ? "shown" : "not found", week).toBe(page);
      }
  });
});
