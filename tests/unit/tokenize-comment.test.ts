/**
 * How a comment's URLs end: trailing punctuation and unmatched closing brackets stay outside the
 * link, in time linear in the comment (a body of thousands of `)` once cost a page render ~120 ms).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mentionHandles, tokenizeComment, type CommentToken } from "@/lib/comments/tokenize-comment";

/**
 * The tokenizer restated the slow, obvious way, for bodies without `@` (so without mentions): trim
 * the URL's last character while it is punctuation or a closer outnumbering its openers, counting
 * the whole URL again each time.
 */
function referenceTokens(body: string): CommentToken[] {
  const trim = (raw: string): string => {
    let url = raw;
    for (;;) {
      const last = url.at(-1);
      if (last === undefined) return url;
      const open = last === ")" ? "(" : last === "]" ? "[" : null;
      if (open !== null) {
        if (url.split(last).length - 1 <= url.split(open).length - 1) return url;
      } else if (!".,;:!?*".includes(last)) return url;
      url = url.slice(0, -1);
    }
  };
  const hrefOf = (url: string): string | null => {
    try {
      const u = new URL(url);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "" ? u.href : null;
    } catch {
      return null;
    }
  };
  const tokens: CommentToken[] = [];
  const text = (t: string) => {
    const last = tokens.at(-1);
    if (t === "") return;
    if (last?.kind === "text") last.text += t;
    else tokens.push({ kind: "text", text: t });
  };
  let at = 0;
  for (const m of body.matchAll(/https?:\/\/[^\s<>"'`\\^{|}]+/gi)) {
    if (/[\p{L}\p{N}]/u.test(body[m.index - 1] ?? "")) continue;
    const url = trim(m[0]);
    const href = url.length > 2048 ? null : hrefOf(url);
    if (href === null) continue;
    text(body.slice(at, m.index));
    tokens.push({ kind: "link", text: url, href });
    at = m.index + url.length;
  }
  text(body.slice(at));
  return tokens;
}

const links = (body: string) => tokenizeComment(body).flatMap((t) => (t.kind === "link" ? [t.text] : []));

describe("where a URL in a comment ends", () => {
  it("keeps balanced brackets and drops trailing punctuation and unmatched closers", () => {
    expect(links("see https://en.wikipedia.org/wiki/Foo_(bar).")).toEqual(["https://en.wikipedia.org/wiki/Foo_(bar)"]);
    expect(links("(see https://en.wikipedia.org/wiki/Foo_(bar))")).toEqual(["https://en.wikipedia.org/wiki/Foo_(bar)"]);
    expect(links("[http://a.example/x[1]], http://b.example/(c)]).")).toEqual(["http://a.example/x[1]", "http://b.example/(c)"]);
    expect(links("http://a.example/x)?!.;:,*")).toEqual(["http://a.example/x"]);
    // Each kind of bracket is counted on its own, and trimming stops at the first closer that closes.
    expect(links("http://a.example/(x]")).toEqual(["http://a.example/(x"]);
    expect(links("http://a.example/(x]).")).toEqual(["http://a.example/(x])"]);
  });

  it("property: the same tokens as re-counting the URL at every trimmed character", () => {
    // Brackets weigh most: the counting is what a one-pass trim could get wrong.
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom(..."()[]"), weight: 4 },
      { arbitrary: fc.constantFrom(..."{}.,;:!?'\"a/*", " "), weight: 3 },
      { arbitrary: fc.constantFrom("http://", "https://", "http://a"), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const body = pieces.join("");
        expect(tokenizeComment(body)).toEqual(referenceTokens(body));
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves a URL longer than 2,048 characters as text", () => {
    const url = (length: number) => `https://a.example/${"x".repeat(length - 18)}`;
    expect(links(`${url(2048)})`)).toEqual([url(2048)]);
    expect(tokenizeComment(`see ${url(2049)}.`)).toEqual([{ kind: "text", text: `see ${url(2049)}.` }]);
  });

  // No timed assertion: the test timeout is the guard (the old trimming took minutes on these).
  it.each([
    ["closers", `http://a${")".repeat(199_992)}`, "http://a"],
    ["punctuation and closers", `http://a/(bcd)${".)]".repeat(66_662)}`, "http://a/(bcd)"],
    ["balanced brackets", `http://a/${"(".repeat(99_995)}${")".repeat(99_996)}`, null],
  ])(
    "reads a 200,000-character body of %s",
    (_, body, link) => {
      expect(body).toHaveLength(200_000);
      const tokens = tokenizeComment(body);
      expect(tokens.map((t) => t.text).join("")).toBe(body);
      expect(tokens.filter((t) => t.kind === "link").map((t) => t.text)).toEqual(link === null ? [] : [link]);
      expect(mentionHandles(body)).toEqual([]);
    },
    5_000,
  );
});
