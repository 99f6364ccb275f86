/**
 * What a page address under /programs/{slug} names, read as its page reads it (the router decodes
 * each segment once, an item, claim or week page decodes its name once more), and the header the
 * proxy tells the 404 page what was missing in.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { missingTargetHeader, pageTarget, readMissingTargetHeader, type MissingTarget } from "@/lib/http/page-target";

describe("pageTarget", () => {
  it.each([
    ["/programs/boost-offload", { kind: "program", slug: "boost-offload" }],
    ["/programs/boost-offload/items", { kind: "program", slug: "boost-offload" }],
    ["/programs/boost-offload/claims", { kind: "program", slug: "boost-offload" }],
    ["/programs/boost-offload/reports", { kind: "program", slug: "boost-offload" }],
    ["/programs/boost-offload/graph", { kind: "program", slug: "boost-offload" }],
    ["/programs/boost-offload/timeline", { kind: "program", slug: "boost-offload" }],
    ["/programs/boost-offload/settings", { kind: "program", slug: "boost-offload" }],
    ["/programs/boost-offload/ingest", { kind: "program", slug: "boost-offload" }],
    ["/programs/boost-offload/items/FND-01", { kind: "item", slug: "boost-offload", key: "FND-01" }],
    ["/programs/boost-offload/claims/ignite-2023", { kind: "claim", slug: "boost-offload", id: "ignite-2023" }],
    ["/programs/boost-offload/reports/2024-W52", { kind: "week", slug: "boost-offload", week: "2024-W52" }],
    ["/programs/boost-offload/reports/2024-12-27", { kind: "week", slug: "boost-offload", week: "2024-12-27" }],
    // The week page takes any number of segments and finds nothing in more than one.
    ["/programs/boost-offload/reports/2024-W52/extra", { kind: "week", slug: "boost-offload", week: null }],
    // Decoded twice, as the page does: %2541 is "%41" to the router and "A" to the page.
    ["/programs/boost-offload/items/%2541", { kind: "item", slug: "boost-offload", key: "A" }],
    // A "%" left after the router's decoding names nothing on the page.
    ["/programs/boost-offload/items/FND-01%25", { kind: "item", slug: "boost-offload", key: null }],
    ["/programs/boost-offload/claims/%25", { kind: "claim", slug: "boost-offload", id: null }],
    ["/programs/caf%C3%A9/items/%F0%9F%92%A5", { kind: "item", slug: "café", key: "💥" }],
  ])("%s", (path, target) => {
    expect(pageTarget(path)).toEqual(target);
  });

  it.each([
    "/",
    "/programs",
    "/programs/",
    "/programs/new", // the page that creates a program
    "/programs/boost-offload/", // the router redirects a trailing slash first
    "/programs//items",
    "/programs/boost-offload/reports.atom", // the feed answers for itself
    "/programs/boost-offload/items/FND-01/extra", // no page: the router's own 404
    "/programs/boost-offload/graph/extra",
    "/programs/boost-offload/nothing",
    "/programs/%ff", // not percent-encoding: the proxy repairs it first
    "/people",
    "/api/programs/boost-offload",
  ])("%s names no page target", (path) => {
    expect(pageTarget(path)).toBeNull();
  });

  it("reads back any slug and item key a path is built from", () => {
    const name = fc.string({ minLength: 1, maxLength: 40, unit: "grapheme" }).filter((s) => !s.includes("/"));
    fc.assert(
      fc.property(name.filter((s) => s !== "new"), name, (slug, key) => {
        const path = `/programs/${encodeURIComponent(slug)}/items/${encodeURIComponent(encodeURIComponent(key))}`;
        expect(pageTarget(path)).toEqual({ kind: "item", slug, key });
      }),
    );
  });
});

describe("the missing-target header", () => {
  it("reads back what it was set to, whatever the slug", () => {
    const missing: fc.Arbitrary<MissingTarget> = fc.oneof(
      fc.constant({ kind: "program" as const }),
      fc.record({ kind: fc.constantFrom("item" as const, "claim" as const, "week" as const), slug: fc.string({ minLength: 1, unit: "grapheme" }) }),
    );
    fc.assert(
      fc.property(missing, (m) => {
        const value = missingTargetHeader(m);
        expect(value).toMatch(/^[\x21-\x7e ]+$/); // a header value as is
        expect(readMissingTargetHeader(value)).toEqual(m);
      }),
    );
  });

  it.each([null, "", "item", "item ", "page x", "item a b", "week %E0%A4%A", "program x"])("%j is not a value it sets", (value) => {
    expect(readMissingTargetHeader(value)).toBeNull();
  });
});
