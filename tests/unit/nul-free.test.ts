import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, asAppError } from "@/lib/errors";
import { pathsWithNul } from "@/lib/validations/nul-free";
import { parseInput } from "@/lib/validations/parse-input";

describe("text with a NUL character is refused (PostgreSQL's text cannot hold it)", () => {
  it("names every string, key and nested place that holds one", () => {
    const found = pathsWithNul({ a: "ok", b: ["x", "y\u0000"], c: { d: "\u0000" }, ["k\u0000"]: 1 });
    expect(found).toHaveLength(3);
    expect(found).toEqual(expect.arrayContaining([["b", 1], ["c", "d"], ["k\u0000"]]));
    expect(pathsWithNul("plain")).toEqual([]);
  });

  it("walks input nested deeper than the call stack (hostile bodies) without overflowing", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [path] = pathsWithNul(deep);
    expect(path).toHaveLength(100_000);
  });

  it("parseInput refuses it as invalid input naming the field, after the schema accepted the rest", () => {
    const schema = z.object({ title: z.string(), team: z.string() });
    const error = (() => {
      try {
        parseInput(schema, { title: "fine", team: "\u0000nul" }, "item");
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("invalid");
    expect(error.errors).toEqual([{ path: "team", message: "must not contain the NUL character (U+0000)" }]);
  });

  it("any string without U+0000 passes through unchanged; with one inserted anywhere it is refused", () => {
    const schema = z.object({ text: z.string() });
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes("\u0000")), fc.nat(), (text, at) => {
        expect(parseInput(schema, { text })).toEqual({ text });
        const i = at % (text.length + 1);
        expect(() => parseInput(schema, { text: `${text.slice(0, i)}\u0000${text.slice(i)}` })).toThrow(AppError);
      }),
    );
  });
});

describe("asAppError: what the API, forms and CLI answer for a thrown error", () => {
  it("finds an AppError itself or through the causes a driver wraps it in; anything else is unknown", () => {
    const own = new AppError("conflict", "someone saved first");
    expect(asAppError(own)).toBe(own);
    expect(asAppError(new Error("Failed query", { cause: own }))).toBe(own);
    expect(asAppError(new Error("boom"))).toBeNull();
    expect(asAppError("not an error")).toBeNull();
  });

  it("PostgreSQL's refusal of a NUL character (22021) is invalid input, not a server error", () => {
    const driver = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: "22021" });
    const known = asAppError(new Error("Failed query: select …", { cause: driver }));
    expect(known?.status).toBe(400);
    expect(known?.message).toBe("text must not contain the NUL character (U+0000)");
    expect(asAppError(Object.assign(new Error("unique violation"), { code: "23505" }))).toBeNull();
  });

  it("a number PostgreSQL's integer cannot hold (out of range, Infinity) is invalid input too", () => {
    expect(asAppError(new Error("Failed query", { cause: Object.assign(new Error('value "99999999999" is out of range for type integer'), { code: "22003" }) }))?.status).toBe(400);
    expect(asAppError(Object.assign(new Error('invalid input syntax for type integer: "Infinity"'), { code: "22P02" }))?.message).toBe("a value is not a valid number");
  });
});
