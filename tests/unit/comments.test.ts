/**
 * DESIGN §13 comments, the pure rules: how a comment's text is read (links, @mentions, text), who a
 * handle names, an excerpt for lists, and where comments stand in an item's timeline.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commentExcerpt } from "@/lib/comments/comment-excerpt";
import { commentLink } from "@/lib/comments/comment-subject";
import { interleaveTimeline } from "@/lib/comments/interleave-timeline";
import { handleOf, resolveHandles } from "@/lib/comments/mention-handle";
import { mentionHandles, tokenizeComment, type CommentToken } from "@/lib/comments/tokenize-comment";
import { commentEditSchema, commentInputSchema } from "@/lib/validations/comment-input";

const kinds = (tokens: CommentToken[]) => tokens.map((t) => [t.kind, t.text]);

describe("tokenizeComment", () => {
  it("reads http(s) URLs as links and leaves sentence punctuation outside them", () => {
    expect(kinds(tokenizeComment("See https://ci.example.com/run/42. Also (http://docs.example.com/a_(b)) done!"))).toEqual([
      ["text", "See "],
      ["link", "https://ci.example.com/run/42"],
      ["text", ". Also ("],
      ["link", "http://docs.example.com/a_(b)"],
      ["text", ") done!"],
    ]);
    const [link] = tokenizeComment("HTTPS://Example.com/x?y=1&z=2#frag").filter((t) => t.kind === "link");
    expect(link).toEqual({ kind: "link", text: "HTTPS://Example.com/x?y=1&z=2#frag", href: "https://example.com/x?y=1&z=2#frag" });
  });

  it("never makes a link of another scheme, markup, or a scheme inside a word", () => {
    for (const body of [
      "javascript:alert(1)",
      "[x](javascript:alert(1))",
      '<a href="https://evil.example">x</a>',
      "data:text/html,<script>alert(1)</script>",
      "ftp://files.example.com/a",
      "xhttps://example.com",
      "https://",
      "http:// spaced.example",
    ])
      expect(
        tokenizeComment(body).filter((t) => t.kind === "link").map((t) => t.text),
        body,
      ).toEqual(body.includes('href="https') ? ["https://evil.example"] : []);
  });

  it("reads @handles as mentions, but not e-mail addresses, words with an @ inside, or handles nobody has", () => {
    const known = (h: string) => ["ana.ruiz", "bo"].includes(h);
    expect(kinds(tokenizeComment("@ana.ruiz and @Bo, please look. Mail ana.ruiz@example.com or @bo@example.com; x@bo; @nobody.", known))).toEqual([
      ["mention", "@ana.ruiz"],
      ["text", " and "],
      ["mention", "@Bo"],
      ["text", ", please look. Mail ana.ruiz@example.com or @bo@example.com; x@bo; @nobody."],
    ]);
    expect(tokenizeComment("(@bo)", known).map((t) => t.kind)).toEqual(["text", "mention", "text"]);
  });

  it("a handle inside a link is part of the link", () => {
    expect(kinds(tokenizeComment("https://social.example/@bo says hi @bo"))).toEqual([
      ["link", "https://social.example/@bo"],
      ["text", " says hi "],
      ["mention", "@bo"],
    ]);
  });

  it("property: the tokens give the text back exactly, never two texts in a row, every link http(s)", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("https://a.example/x", "http://b.example/(y)", "@ana", "@bo.", "a@b.example", " ", "\n", ".", ")", "<b>", "javascript:x"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (pieces, all) => {
        const body = pieces.join("");
        const tokens = tokenizeComment(body, all ? () => true : (h) => h === "ana");
        expect(tokens.map((t) => t.text).join("")).toBe(body);
        tokens.forEach((t, i) => {
          if (i > 0) expect(t.kind === "text" && tokens[i - 1]!.kind === "text").toBe(false);
          if (t.kind === "link") expect(new URL(t.href).protocol).toMatch(/^https?:$/);
          if (t.kind === "mention") expect(t.text.toLowerCase()).toBe(`@${t.handle}`);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("mentionHandles lists each handle once, in lower case, in order", () => {
    expect(mentionHandles("@Bo @ana @bo https://x.example/@carl ana@x.example")).toEqual(["bo", "ana"]);
    expect(mentionHandles("no mention here")).toEqual([]);
  });
});

describe("handles", () => {
  const people = [
    { email: "ana.ruiz@example.com", name: "Ana" },
    { email: "bo@a.example", name: "Bo A" },
    { email: "BO@b.example", name: "Bo B" },
    { email: "carl@example.com", name: "Carl" },
  ];

  it("a handle is the e-mail's part before the @, in lower case", () => {
    expect(handleOf("Ana.Ruiz@Example.com")).toBe("ana.ruiz");
    expect(handleOf("odd@name@example.com")).toBe("odd@name");
  });

  it("names the one reader who has it; an ambiguous or unknown handle names nobody", () => {
    const resolved = resolveHandles(["ana.ruiz", "bo", "nobody", "CARL"], people);
    expect([...resolved].map(([h, p]) => [h, p.name])).toEqual([
      ["ana.ruiz", "Ana"],
      ["carl", "Carl"],
    ]);
  });

  it("property: a resolved handle is exactly one reader's, and every handle of exactly one reader resolves", () => {
    const local = fc.constantFrom("ana", "bo", "carl", "dee");
    const domain = fc.constantFrom("a.example", "b.example");
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`), { maxLength: 8 }), (emails) => {
        const readers = emails.map((email) => ({ email }));
        const resolved = resolveHandles(["ana", "bo", "carl", "dee"], readers);
        for (const h of ["ana", "bo", "carl", "dee"]) {
          const owners = emails.filter((e) => handleOf(e) === h);
          expect(resolved.get(h)?.email).toBe(owners.length === 1 ? owners[0] : undefined);
        }
      }),
    );
  });
});

describe("comment input", () => {
  it("is trimmed text of 1 to 5000 characters", () => {
    expect(commentInputSchema.parse({ body: "  hello \n" })).toEqual({ body: "hello" });
    for (const body of ["", "   ", 7, null, undefined, "x".repeat(5001)]) expect(commentInputSchema.safeParse({ body }).success, String(body)).toBe(false);
    expect(commentInputSchema.safeParse({ body: "x".repeat(5000) }).success).toBe(true);
    expect(commentEditSchema.safeParse({ body: "x", version: 0 }).success).toBe(false);
    expect(commentEditSchema.parse({ body: "x", version: 2 })).toEqual({ body: "x", version: 2 });
  });
});

describe("commentExcerpt and commentLink", () => {
  it("puts the first words on one line and cuts between words", () => {
    expect(commentExcerpt("  short\n\ntext  ")).toBe("short text");
    const long = `${"word ".repeat(40)}end`;
    const cut = commentExcerpt(long, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toBe("word word word word word word…");
    expect(commentExcerpt(`https://example.com/${"a".repeat(200)}`, 40)).toHaveLength(40);
  });

  it("links to the comment on its item's or claim's page", () => {
    expect(commentLink("boost", { item: "FND 1" }, 7)).toBe("/programs/boost/items/FND%201#comment-7");
    expect(commentLink("boost", { claim: "ignite-2023" }, 8)).toBe("/programs/boost/claims/ignite-2023#comment-8");
  });
});

describe("interleaveTimeline", () => {
  it("puts each comment after the transitions that had happened when it was written", () => {
    const rows = interleaveTimeline([{ id: "t1", at: 10 }, { id: "t2", at: 20 }], (t) => t.at, [{ id: "c0", at: 5 }, { id: "c1", at: 10 }, { id: "c2", at: 25 }], (c) => c.at);
    expect(rows.map((r) => r.row.id)).toEqual(["c0", "t1", "c1", "t2", "c2"]);
  });

  it("property: every row once, both orders kept, and no comment before a transition that happened earlier", () => {
    const times = fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 10 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(times, times, (ts, cs) => {
        const transitions = ts.map((at, i) => ({ id: `t${i}`, at }));
        const comments = cs.map((at, i) => ({ id: `c${i}`, at }));
        const rows = interleaveTimeline(transitions, (t) => t.at, comments, (c) => c.at);
        expect(rows.filter((r) => r.kind === "transition").map((r) => r.row)).toEqual(transitions);
        expect(rows.filter((r) => r.kind === "comment").map((r) => r.row)).toEqual(comments);
        rows.forEach((r, i) => {
          if (r.kind !== "comment") return;
          const later = rows.slice(i + 1).filter((x) => x.kind === "transition");
          for (const t of later) expect(t.row.at).toBeGreaterThan(r.row.at);
        });
      }),
    );
  });
});
