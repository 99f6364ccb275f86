import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cssString, pageForPrint } from "@/lib/report/print-page";

/** What a CSS parser reads from a string literal: hex escapes (with their one optional space) decoded. */
function readCssString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  return literal.slice(1, -1).replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

describe("a CSS string of plain text", () => {
  it("reads back as the text, and can neither end early, break its line nor close the style element", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", '"', "\\", "<", "/", "\n", "\r", "\f", "·", "1", "f") }), (text) => {
        const literal = cssString(text);
        expect(readCssString(literal)).toBe(text);
        const inner = literal.slice(1, -1);
        expect(inner).not.toMatch(/[<\n\r\f]/);
        expect(inner.replace(/\\[0-9a-f]{1,6} ?/gi, "")).not.toMatch(/["\\]/);
      }),
    );
  });

  it("keeps an escape from swallowing the hex digit after it", () => {
    expect(cssString('"a')).toBe('"\\22 a"');
    expect(readCssString(cssString('"f'))).toBe('"f');
  });
});

describe("the page Chromium prints", () => {
  const options = { paper: "letter" as const, header: "Draft", footer: "Program · W52" };

  it("puts the policy first in the head and the page rules last, after the report's own", () => {
    const page = pageForPrint('<!doctype html><html><head><meta charset="utf-8"><style>@page { margin: 1mm; }</style></head><body><p>x</p></body></html>', options);
    const head = page.slice(page.indexOf("<head>"), page.indexOf("</head>"));
    expect(head.startsWith(`<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`)).toBe(true);
    expect(head.indexOf("@page { size: letter;")).toBeGreaterThan(head.indexOf("@page { margin: 1mm; }"));
    expect(head).toContain('@top-left { content: "Draft";');
    expect(head).toContain('@bottom-left { content: "Program · W52";');
    expect(head).toContain('@bottom-right { content: "page " counter(page) " of " counter(pages);');
    expect(page.endsWith("<body><p>x</p></body></html>")).toBe(true);
  });

  it("prints A4 without a header when none is given, and gives a page without a head one", () => {
    const page = pageForPrint("<p>x</p>", { paper: "a4", footer: "f" });
    expect(page.startsWith('<head><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(page).toContain("@page { size: A4;");
    expect(page).not.toContain("@top-left");
    expect(page.endsWith("</head><p>x</p>")).toBe(true);
  });
});
