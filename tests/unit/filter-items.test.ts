import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterItems, itemQuerySchema, type ListedItem } from "@/lib/items/item-query";
import { levelOf, STATUSES } from "@/lib/status";

const status = fc.constantFrom(...STATUSES);
const listedItem = fc.record({
  key: fc.stringMatching(/^[A-C]-[0-9]{1,2}$/),
  title: fc.constantFrom("Boot", "boot", "Ábaco", "net", "Net-2", ""),
  area: fc.constantFrom("A", "B", "C"),
  owner: fc.option(fc.constantFrom("ada@example.com", "bo@example.com"), { nil: null }),
  team: fc.constantFrom("x", "y"),
  estimateWeeks: fc.integer({ min: 0, max: 5 }),
  trueStatus: status,
  reportedStatus: status,
  blocked: fc.boolean(),
  inflated: fc.boolean(),
});
/** Unique keys, as in a program; the other fields only matter to the filters and sorts. */
const listedItems = fc.uniqueArray(listedItem, { selector: (i) => i.key, maxLength: 30 }).map((rows) =>
  rows.map(
    (r) =>
      ({
        ...r,
        ownerName: r.owner && r.owner.split("@")[0],
        identifiedAt: 0,
        dependsOn: [],
        transitions: [],
        reportedLevel: levelOf(r.reportedStatus),
        trueLevel: levelOf(r.trueStatus),
        trueSince: null,
        doneEvents: [],
        inProgram: true,
      }) satisfies ListedItem,
  ),
);
const filters = fc.record(
  {
    status: status,
    area: fc.constantFrom("A", "B"),
    q: fc.constantFrom("boot", "-1", "net"),
    inflated: fc.constantFrom("1", "0"),
  },
  { requiredKeys: [] },
);
const view = fc.record(
  {
    sort: fc.constantFrom("key", "title", "owner", "estimateWeeks", "trueStatus"),
    dir: fc.constantFrom("asc", "desc"),
    limit: fc.integer({ min: 1, max: 10 }).map(String),
    offset: fc.integer({ min: 0, max: 12 }).map(String),
  },
  { requiredKeys: [] },
);
// Most queries filter little, so that orders and pages of several items get compared.
const query = fc
  .tuple(fc.oneof({ arbitrary: fc.constant({}), weight: 3 }, { arbitrary: filters, weight: 1 }), view)
  .map(([f, v]) => itemQuerySchema.parse({ ...f, ...v }));

/** An independent model: keep what matches, order by the sort then the key, cut the page. */
function model(items: readonly ListedItem[], q: ReturnType<typeof itemQuerySchema.parse>): { total: number; keys: string[] } {
  const text = q.q?.toLowerCase();
  const kept = items.filter(
    (i) =>
      (!q.status || i.trueStatus === q.status) &&
      (!q.area || i.area === q.area) &&
      (q.inflated === undefined || i.inflated === q.inflated) &&
      (!text || (i.key + " " + i.title).toLowerCase().includes(text)),
  );
  const rank = (i: ListedItem) =>
    q.sort === "trueStatus" ? levelOf(i.trueStatus) : q.sort === "owner" ? (i.ownerName ?? "") : i[q.sort as "key" | "title" | "estimateWeeks"];
  const ordered = kept
    .map((i) => ({ i, r: rank(i) }))
    .sort((a, b) => {
      const c = typeof a.r === "number" ? (a.r as number) - (b.r as number) : String(a.r).localeCompare(String(b.r), "en");
      return (q.dir === "desc" ? -c : c) || (a.i.key < b.i.key ? -1 : 1);
    })
    .map(({ i }) => i.key);
  const end = q.limit === undefined ? undefined : q.offset + q.limit;
  return { total: kept.length, keys: ordered.slice(q.offset, end) };
}

describe("filterItems", () => {
  it("pages the filtered, sorted items like an independent model, asked once or many times", () => {
    fc.assert(
      fc.property(listedItems, fc.array(query, { minLength: 1, maxLength: 6 }), (items, queries) => {
        // The same list asked again (sorted orders are kept beside it) answers as when asked first.
        for (const q of [...queries, ...queries]) {
          const got = filterItems(items, q);
          expect({ total: got.total, keys: got.items.map((i) => i.key) }).toEqual(model(items, q));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a new list after a write is sorted again, not read from the old list's order", () => {
    const parse = (raw: Record<string, string>) => itemQuerySchema.parse(raw);
    const make = (title: string) => [{ key: "A-1", title }, { key: "A-2", title: "m" }] as unknown as ListedItem[];
    expect(filterItems(make("z"), parse({ sort: "title" })).items.map((i) => i.key)).toEqual(["A-2", "A-1"]);
    expect(filterItems(make("a"), parse({ sort: "title" })).items.map((i) => i.key)).toEqual(["A-1", "A-2"]);
  });

  it("started and reportedStarted keep exactly the items past not started, true or reported", () => {
    fc.assert(
      fc.property(listedItems, fc.constantFrom("1", "0"), (items, flag) => {
        const want = flag === "1";
        const q = (extra: Record<string, string>) => filterItems(items, itemQuerySchema.parse(extra)).items.map((i) => i.key);
        expect(q({ started: flag })).toEqual(filterItems(items, itemQuerySchema.parse({})).items.filter((i) => (i.trueStatus !== "not_started") === want).map((i) => i.key));
        expect(q({ reportedStarted: flag })).toEqual(
          filterItems(items, itemQuerySchema.parse({})).items.filter((i) => (i.reportedStatus !== "not_started") === want).map((i) => i.key),
        );
      }),
    );
  });
});
