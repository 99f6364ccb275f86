import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareSortValues, firstBy, formatSort, nextSort, parseSort, sortRows, type SortState, type SortValue } from "@/lib/table-sort";

/** The model firstBy must match: the whole list sorted by sortRows. */
function sortBy<T>(list: readonly T[], valuesOf: (e: T) => Record<string, SortValue>, sort: SortState): T[] {
  return sortRows(
    list.map((entry) => ({ entry, values: valuesOf(entry) })),
    sort,
  ).map((x) => x.entry);
}

const row = (id: string, values: Record<string, SortValue>) => ({ id, values });
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("compareSortValues", () => {
  it("orders item keys naturally, not by code point", () => {
    const keys = ["FND-10", "FND-2", "FND-01", "BMT-3", "fnd-3"];
    expect([...keys].sort(compareSortValues)).toEqual(["BMT-3", "FND-01", "FND-2", "fnd-3", "FND-10"]);
  });

  it("orders numbers by value and puts them before texts", () => {
    expect([10, 9, -1, 2.5].sort(compareSortValues)).toEqual([-1, 2.5, 9, 10]);
    expect(compareSortValues(3, "a")).toBeLessThan(0);
    expect(compareSortValues("a", 3)).toBeGreaterThan(0);
  });

  it("is a consistent order: antisymmetric on any two texts", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(Math.sign(compareSortValues(a, b))).toBe(-Math.sign(compareSortValues(b, a)) || 0);
      }),
    );
  });
});

describe("sortRows", () => {
  const rows = [
    row("a", { key: "FND-10", level: 2, date: null }),
    row("b", { key: "FND-2", level: 0, date: 300 }),
    row("c", { key: "FND-01", level: 2, date: 100 }),
    row("d", { key: "STO-1", level: 5, date: 200 }),
  ];

  it("sorts by one column either way, keeping the given order among ties", () => {
    expect(ids(sortRows(rows, { column: "key", dir: "asc" }))).toEqual(["c", "b", "a", "d"]);
    expect(ids(sortRows(rows, { column: "key", dir: "desc" }))).toEqual(["d", "a", "b", "c"]);
    expect(ids(sortRows(rows, { column: "level", dir: "asc" }))).toEqual(["b", "a", "c", "d"]);
    expect(ids(sortRows(rows, { column: "level", dir: "desc" }))).toEqual(["d", "a", "c", "b"]);
  });

  it("puts empty cells last in both directions", () => {
    expect(ids(sortRows(rows, { column: "date", dir: "asc" }))).toEqual(["c", "d", "b", "a"]);
    expect(ids(sortRows(rows, { column: "date", dir: "desc" }))).toEqual(["b", "d", "c", "a"]);
  });

  it("leaves its input alone, and firstBy cuts any list by the same rule", () => {
    const before = ids(rows);
    sortRows(rows, { column: "key", dir: "desc" });
    expect(ids(rows)).toEqual(before);
    const list = [{ n: "b2" }, { n: "b10" }, { n: "a" }];
    expect(firstBy(list, (e) => ({ name: e.n }), { column: "name", dir: "asc" }, 2).map((e) => e.n)).toEqual(["a", "b2"]);
  });

  it("gives the same order whatever order the rows come in, when no two values tie", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 30 }), fc.boolean(), (values, desc) => {
        const list = values.map((v) => row(String(v), { v }));
        const sort = { column: "v", dir: desc ? "desc" : "asc" } as const;
        const expected = [...values].sort((a, b) => (desc ? b - a : a - b)).map(String);
        expect(ids(sortRows(list, sort))).toEqual(expected);
        expect(ids(sortRows([...list].reverse(), sort))).toEqual(expected);
      }),
    );
  });
  it("firstBy gives exactly the first rows of the whole sort, ties, empty cells and all", () => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 3 }), fc.constantFrom("a", "B", "a2", "a10", "z"));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), fc.boolean(), fc.integer({ min: 0, max: 70 }), (cells, desc, count) => {
        const list = cells.map((v, i) => ({ i, v }));
        const sort = { column: "v", dir: desc ? "desc" : "asc" } as const;
        const valuesOf = (e: { v: SortValue }) => ({ v: e.v });
        expect(firstBy(list, valuesOf, sort, count)).toEqual(sortBy(list, valuesOf, sort).slice(0, count));
      }),
    );
  });
});

describe("sort in the URL", () => {
  const columns = ["item", "value"];
  const fallback = { column: "item", dir: "asc" } as const;

  it("round-trips through formatSort and parseSort", () => {
    for (const sort of [
      { column: "value", dir: "desc" },
      { column: "item", dir: "asc" },
    ] as const)
      expect(parseSort(formatSort(sort), columns, fallback)).toEqual(sort);
    expect(formatSort({ column: "value", dir: "desc" })).toBe("-value");
  });

  it("falls back to the table's own order for an unknown column or a missing value", () => {
    for (const raw of [undefined, "", "-", "nope", "-nope", ["value"]]) expect(parseSort(raw, columns, fallback)).toEqual(fallback);
  });

  it("turns the sorted column around, and starts another in its first direction", () => {
    expect(nextSort({ column: "item", dir: "asc" }, "item")).toEqual({ column: "item", dir: "desc" });
    expect(nextSort({ column: "item", dir: "desc" }, "item")).toEqual({ column: "item", dir: "asc" });
    expect(nextSort({ column: "item", dir: "asc" }, "value", "desc")).toEqual({ column: "value", dir: "desc" });
    expect(nextSort({ column: "item", dir: "desc" }, "value")).toEqual({ column: "value", dir: "asc" });
  });
});
