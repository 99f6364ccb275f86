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

describe("neutralizeCell", () => {
  it("keeps numbers, negative ones included, as numbers; text that starts like a formula stays text", () => {
    expect(neutralizeCell(-27.57)).toBe("-27.57");
    expect(neutralizeCell(0)).toBe("0");
    expect(neutralizeCell("-27.57")).toBe("'-27.57");
    expect(neutralizeCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(neutralizeCell("+1 (555)")).toBe("'+1 (555)");
    expect(neutralizeCell(Number.NaN)).toBe("NaN");
  });

  it("never leaves a text cell starting like a formula", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(neutralizeCell(text)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
