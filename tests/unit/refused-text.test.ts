import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, asAppError } from "@/lib/errors";
import { pathsWithRefusedText, textRefusal } from "@/lib/validations/refused-text";
import { parseInput } from "@/lib/validations/parse-input";

describe("text with a NUL character is refused (PostgreSQL's text cannot hold it)", () => {
  it("names every string, key and nested place that holds one", () => {
    const found = pathsWithRefusedText({ a: "ok", b: ["x", "y\u0000"], c: { d: "\u0000" }, ["k\u0000"]: 1 }).map((f) => f.path);
    expect(found).toEqual([["b", 1], ["c", "d"], ["k\u0000"]]); // in document order
    expect(pathsWithRefusedText("plain")).toEqual([]);
  });

  it("walks input nested deeper than the call stack (hostile bodies) without overflowing", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const [found] = pathsWithRefusedText(deep);
    const path = found!.path;
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

  it("any string the rules keep passes through unchanged; with a refused character inserted anywhere it is refused", () => {
    const schema = z.object({ text: z.string() });
    const refused = fc.constantFrom("\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u202A", "\u202E", "\u2066", "\u2069");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }).filter((s) => textRefusal(s) === null), fc.nat(), refused, (text, at, bad) => {
        expect(parseInput(schema, { text })).toEqual({ text });
        const i = at % (text.length + 1);
        expect(() => parseInput(schema, { text: `${text.slice(0, i)}${bad}${text.slice(i)}` })).toThrow(AppError);
      }),
    );
  });
});

describe("control and bidirectional override characters are refused in text (they draw nothing, or make text read otherwise than stored)", () => {
  it("keeps tabs, line breaks, right-to-left text and its marks, emoji", () => {
    for (const text of ["line one\nline two\r\n\tindented", "שלום עולם", "مرحبا", "a\u200Fb\u200Ec", "ok 💥 👍🏽"]) expect(textRefusal(text), text).toBeNull();
  });

  it("names the rule a text breaks, NUL first", () => {
    expect(textRefusal("bell\u0007")).toMatch(/^must not contain control characters/);
    expect(textRefusal("C1\u0085")).toMatch(/^must not contain control characters/);
    expect(textRefusal("esc\u001B[2J")).toMatch(/^must not contain control characters/);
    expect(textRefusal("paid\u202Ediputs")).toMatch(/^must not contain bidirectional override/);
    expect(textRefusal("\u2066isolate\u2069")).toMatch(/^must not contain bidirectional override/);
    expect(textRefusal("\u0000nul\u202Eright-to-left")).toBe("must not contain the NUL character (U+0000)");
  });

  it("a place kept verbatim (a file's content) is refused only for NUL", () => {
    const isContent = (path: PropertyKey[]) => path[0] === "content";
    expect(pathsWithRefusedText({ content: "page\fbreak \u001B[0m \u202E", name: "x\u202E" }, isContent)).toEqual([
      { path: ["name"], message: expect.stringMatching(/^must not contain bidirectional override/) as string },
    ]);
    expect(pathsWithRefusedText({ content: "\u0000" }, isContent)).toEqual([{ path: ["content"], message: "must not contain the NUL character (U+0000)" }]);
  });

  it("parseInput lists each refused field with its reason", () => {
    const schema = z.object({ title: z.string(), note: z.string(), team: z.string() });
    let error: unknown;
    try {
      parseInput(schema, { title: "Done\u202E (not)", note: "fine\nsecond line", team: "ops\u001B[31m" }, "item");
    } catch (e) {
      error = e;
    }
    expect((error as AppError).errors).toEqual([
      { path: "title", message: expect.stringMatching(/^must not contain bidirectional override/) as string },
      { path: "team", message: expect.stringMatching(/^must not contain control characters/) as string },
    ]);
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
