import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemQuerySchema } from "@/lib/items/item-query";
import { linkHeader, pageOffsets, pageRange } from "@/lib/items/item-pages";
import { pickFields } from "@/lib/items/item-view";

describe("pages of a list", () => {
  it("following next from the first page visits every row exactly once, and prev walks back the same way", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.integer({ min: 1, max: 1000 }), (total, limit) => {
        const starts: number[] = [];
        for (let at: number | undefined = 0; at !== undefined; at = pageOffsets(total, at, limit).next) starts.push(at);
        const rows = starts.flatMap((s) => Array.from({ length: Math.max(0, Math.min(limit, total - s)) }, (_, i) => s + i));
        expect(rows).toEqual(Array.from({ length: total }, (_, i) => i));
        expect(starts.at(-1)).toBe(pageOffsets(total, 0, limit).last);
        const back: number[] = [];
        for (let at: number | undefined = starts.at(-1); at !== undefined; at = pageOffsets(total, at, limit).prev) back.push(at);
        expect(back).toEqual([...starts].reverse());
      }),
    );
  });

  it("a page past the end links back to the last page, never beyond it", () => {
    expect(pageOffsets(250, 900, 100)).toEqual({ first: 0, prev: 200, last: 200 });
    expect(pageOffsets(0, 0, 100)).toEqual({ first: 0, last: 0 });
  });

  it("says which rows a page shows, counted from one", () => {
    expect(pageRange(10_000, 100, 100)).toBe("101–200 of 10,000");
    expect(pageRange(350, 300, 50)).toBe("301–350 of 350");
    expect(pageRange(3, 10, 0)).toBe("none of 3");
  });

  it("writes an RFC 8288 Link header that changes only offset and limit", () => {
    const url = new URL("http://host/api/programs/p/items?status=build&offset=100&limit=50");
    expect(linkHeader(url, pageOffsets(180, 100, 50), 50)).toBe(
      [
        '</api/programs/p/items?status=build&offset=0&limit=50>; rel="first"',
        '</api/programs/p/items?status=build&offset=50&limit=50>; rel="prev"',
        '</api/programs/p/items?status=build&offset=150&limit=50>; rel="next"',
        '</api/programs/p/items?status=build&offset=150&limit=50>; rel="last"',
      ].join(", "),
    );
  });
});

describe("the items query", () => {
  it("takes a limit up to 1000 and a comma-separated list of known fields", () => {
    expect(itemQuerySchema.parse({ limit: "1000", fields: "key, title" })).toMatchObject({ limit: 1000, fields: ["key", "title"] });
    expect(itemQuerySchema.safeParse({ limit: "1001" }).success).toBe(false);
    expect(itemQuerySchema.safeParse({ fields: "key,secret" }).success).toBe(false);
    expect(itemQuerySchema.safeParse({ fields: "" }).success).toBe(false);
  });

  it("says in words what a page size and an offset must be", () => {
    const says = (raw: Record<string, string>) => itemQuerySchema.safeParse(raw).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    for (const limit of ["lots", "0", "1001", "2.5", ""])
      expect(says({ limit }), `limit=${limit}`).toEqual(["limit: must be a whole number from 1 to 1000"]);
    for (const offset of ["later", "-1", "0.5"]) expect(says({ offset }), `offset=${offset}`).toEqual(["offset: must be a whole number, 0 or more"]);
  });

  it("keeps only the asked fields, in the asked order", () => {
    const rows = [{ key: "A", title: "T", area: "X" }] as unknown as Parameters<typeof pickFields>[0];
    expect(pickFields(rows, ["title", "key"])).toEqual([{ title: "T", key: "A" }]);
    expect(pickFields(rows, undefined)).toBe(rows);
  });
});
