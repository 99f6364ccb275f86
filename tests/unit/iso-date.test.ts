import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isoDateProblem, isoDateStart, ISO_DATE_PATTERN } from "@/lib/iso-date";

const server = z.iso.date();
const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });

describe("ISO dates in forms", () => {
  it("accepts exactly what the server's z.iso.date() accepts", () => {
    const dateLike = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 })), (text) => {
        expect(isoDateProblem(text) === null).toBe(text.trim() === "" || server.safeParse(text.trim()).success);
      }),
      { numRuns: 2000 },
    );
  });

  it("knows leap years and month lengths", () => {
    expect(isoDateProblem("2024-02-29")).toBeNull();
    expect(isoDateProblem("2000-02-29")).toBeNull();
    expect(isoDateProblem("1900-02-29")).toBe("1900-02-29 is not a day of the calendar.");
    expect(isoDateProblem("2024-04-31")).toBe("2024-04-31 is not a day of the calendar.");
  });

  it("says how to write a date the browser's locale would show otherwise", () => {
    expect(isoDateProblem("12/31/2024")).toBe('"12/31/2024" is not a date: write it as YYYY-MM-DD, for example 2024-12-31.');
    expect(isoDateProblem("")).toBeNull();
  });

  it("reads the start of the day in UTC", () => {
    expect(isoDateStart("2024-12-31")).toBe(Date.UTC(2024, 11, 31));
    expect(isoDateStart("2024-12-32")).toBeNull();
  });

  it("works as an HTML pattern (the v flag browsers compile it with)", () => {
    const html = new RegExp(`^(?:${ISO_DATE_PATTERN})$`, "v");
    expect(html.test("2024-12-31")).toBe(true);
    expect(html.test("31.12.2024")).toBe(false);
  });
});
