import fs from "node:fs";
import { describe, expect, it } from "vitest";

// The results file and the README table must agree: every figure of the README's performance
// table is read back and compared with bench/results.json, so a new bench run without a README
// update (or the reverse) fails here.

interface Run {
  source: { commit: string };
  measurements: { id: string; sizes: Record<string, { value: number | null }> }[];
  budgets: { what: string; met: boolean }[];
  targets?: { what: string; value: number | null; met: boolean | null }[];
}
/** SQLite's run, with PostgreSQL's beside it (`npm run bench -- --database postgres`). */
type Results = Run & { postgres?: Run };

const results = JSON.parse(fs.readFileSync("bench/results.json", "utf8")) as Results;
const readme = fs.readFileSync("README.md", "utf8");
const SIZES = ["64", "1000", "10000"];

// README row label → the measurement behind each " / "-separated figure of a cell.
const ROWS: Record<string, string[]> = {
  "import (POST /api/programs/import)": ["import"],
  "GET readiness": ["readiness"],
  "GET items (first page / filtered)": ["itemsFirstPage", "itemsFiltered"],
  "GET claims": ["claims"],
  "weekly report .md / .csv / .json": ["reportMd", "reportCsv", "reportJson"],
  "dashboard page (server response)": ["dashboardPage"],
  "item page": ["itemPage"],
  "after a write: readiness / items / dashboard": ["readinessAfterWrite", "itemsAfterWrite", "dashboardAfterWrite"],
  "server peak memory (whole run)": ["memoryPeak"],
};

function value(id: string, size: string, run: Run = results): number {
  const v = run.measurements.find((m) => m.id === id)?.sizes[size]?.value;
  if (typeof v !== "number") throw new Error(`no ${id} at ${size} in bench/results.json`);
  return v;
}

/** Each " / "-separated figure of a README cell against its measurement, within the README's rounding. */
function expectFigures(cell: string, ids: string[], size: string, run: Run, what: string) {
  const figures = cell.split(" / ").map(number);
  expect(figures, what).toHaveLength(ids.length);
  ids.forEach((id, i) => {
    const measured = value(id, size, run);
    // The README rounds (18,000 for 17,995; 3.2 for 3.17): within 1 % or 0.06.
    expect(Math.abs(figures[i]! - measured), `${what}: README ${figures[i]}, results ${measured}`).toBeLessThanOrEqual(Math.max(0.06, measured * 0.01));
  });
}

/** "1,627" → 1627, "500 MiB" → 500. */
const number = (text: string) => Number(text.replace(/,/g, "").replace(/[^\d.]/g, ""));

/** The rows of the Markdown tables in `text`: each row's label → its next `columns` cells. */
function tableRows(text: string, columns: number): Map<string, string[]> {
  return new Map(
    text
      .split("\n")
      .filter((l) => l.startsWith("| "))
      .map((l) => l.split("|").map((c) => c.trim()))
      .map((cells) => [cells[1]!, cells.slice(2, 2 + columns)] as const),
  );
}

describe("the README's performance table", () => {
  // SQLite's run; PostgreSQL's has a table of its own below it, with the same row names.
  const table = readme.slice(readme.indexOf("## Performance"), readme.indexOf("### On PostgreSQL"));
  const rows = tableRows(table, 3);

  it("names the commit the figures were measured at", () => {
    expect(table).toContain(`app at ${results.source.commit.slice(0, 7)}`);
  });

  it.each(Object.entries(ROWS))("%s agrees with bench/results.json", (label, ids) => {
    const cells = rows.get(label);
    expect(cells, `README row "${label}"`).toBeDefined();
    SIZES.forEach((size, column) => expectFigures(cells![column]!, ids, size, results, `${label} at ${size}`));
  });

  it("shows every budget met, as the results file says", () => {
    expect(results.budgets.filter((b) => !b.met).map((b) => b.what)).toEqual([]);
  });

  // The raised bar may be missed, but the README says so as the results file does: each target's
  // row gives the measured figure and ✔ when met, ✗ when missed.
  it.each((results.targets ?? []).map((t) => [t.what, t] as const))("the raised bar: %s", (what, target) => {
    const row = table.split("\n").find((l) => l.startsWith(`| ${what} |`));
    expect(row, `README row "${what}"`).toBeDefined();
    const [, , figure, mark] = row!.split("|").map((c) => c.trim());
    expect(mark).toBe(target.met === null ? "n/a" : target.met ? "✔" : "✗");
    if (target.value !== null)
      expect(Math.abs(number(figure!) - target.value), `${what}: README ${figure}, results ${target.value}`).toBeLessThanOrEqual(
        Math.max(0.06, target.value * 0.01),
      );
  });
});

describe("the README's PostgreSQL table", () => {
  const postgres = results.postgres;
  const section = readme.slice(readme.indexOf("### On PostgreSQL"), readme.indexOf("### Caches"));
  const rows = tableRows(section, 2);
  // Every row of SQLite's table, and the writes under load side by side.
  const PG_ROWS: Record<string, string[]> = {
    ...ROWS,
    "… writes accepted in 10 s under 10 readers, latency p50, lost": ["loadWritesAccepted", "loadWriteP50", "loadWritesMissing"],
  };

  it("is there, with PostgreSQL's run in bench/results.json at the commit it names", () => {
    expect(postgres, "bench/results.json has no postgres run").toBeDefined();
    expect(section).toContain(`app at ${postgres!.source.commit.slice(0, 7)}`);
  });

  it.each(Object.entries(PG_ROWS))("%s: SQLite's and PostgreSQL's figures at 10,000 items agree with bench/results.json", (label, ids) => {
    const cells = rows.get(label);
    expect(cells, `README row "${label}"`).toBeDefined();
    expectFigures(cells![0]!, ids, "10000", results, `${label} (SQLite)`);
    expectFigures(cells![1]!, ids, "10000", postgres!, `${label} (PostgreSQL)`);
  });

  it("shows every budget met on PostgreSQL, as the results file says", () => {
    expect(postgres!.budgets.filter((b) => !b.met).map((b) => b.what)).toEqual([]);
  });
});
