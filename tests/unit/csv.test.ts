import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutralizeCell, toCsv } from "@/lib/csv/to-csv";

describe("toCsv", () => {
  it("round-trips any text through a CSV parser, line breaks included, formulas neutralised", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.string(), b: fc.string() }), { maxLength: 5 }), (rows) => {
        const parsed = parse(toCsv(["a", "b"], rows), { columns: true, record_delimiter: "\r\n", relax_quotes: false });
        expect(parsed).toEqual(rows.map((r) => ({ a: neutralizeCell(r.a), b: neutralizeCell(r.b) })));
      }),
    );
  });
});
