import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/lib/auth/rate-limiter";
import { isSecretShaped, newSecret } from "@/lib/auth/secrets";
import { appOrigin, clientAddress, fromOwnOrigin } from "@/lib/http/app-origin";
import { readIngestBody } from "@/lib/http/read-ingest-body";
import { readJson } from "@/lib/http/read-json";
import { sameOriginPath } from "@/lib/http/same-origin-path";
import { redactEmails } from "@/lib/redact-emails";

const ORIGIN = "https://tracker.example.org";

describe("where sign-in may send a person (next=)", () => {
  it("keeps a path of the site with its query and fragment", () => {
    expect(sameOriginPath("/programs/boost-offload/items?area=Storage#x", ORIGIN)).toBe("/programs/boost-offload/items?area=Storage#x");
  });

  it.each(["/\\evil.example/x", "//evil.example", "/%5Cevil.example", "/%2F%2Fevil.example", "https://evil.example/", "/\t/evil.example", "/\n/x", "javascript:alert(1)", "", "x", "/.//evil.example/x", "/x/..//evil.example/x", "/%2e//evil.example"])(
    "refuses %j",
    (next) => expect(sameOriginPath(next, ORIGIN)).toBe("/"),
  );

  it("whatever it is given, the result stays on the app's origin and is never protocol-relative", () => {
    // Paths of empty, dot and host-like segments: resolution collapses dots, which must not leave `//host`.
    const segments = fc.array(fc.constantFrom("", ".", "..", "%2e", "%2E%2E", "evil.example", "x"), { maxLength: 6 }).map((s) => `/${s.join("/")}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string().map((s) => `/${s}`), fc.string().map((s) => `/\\${s}`), segments), (next) => {
        const out = sameOriginPath(next, ORIGIN);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(out).not.toMatch(/\\/);
        expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the app's origin and the caller's", () => {
  const h = (o: Record<string, string>) => new Headers(o);
  it("is PUBLIC_URL when set, else the host and scheme the request came to", () => {
    expect(appOrigin(h({ host: "127.0.0.1:3000" }), "https://tracker.example.org/some/path")).toBe(ORIGIN);
    expect(appOrigin(h({ host: "127.0.0.1:3000" }), "")).toBe("http://127.0.0.1:3000");
    expect(appOrigin(h({ host: "a:1", "x-forwarded-host": "b.example", "x-forwarded-proto": "https" }), "")).toBe("https://b.example");
  });

  it("takes a request as the app's own only with its Origin, or same-origin fetch metadata without one", () => {
    expect(fromOwnOrigin(h({ origin: ORIGIN }), ORIGIN)).toBe(true);
    expect(fromOwnOrigin(h({ origin: "https://tracker.example.org:8443" }), ORIGIN)).toBe(false);
    expect(fromOwnOrigin(h({ origin: "https://evil.tracker.example.org" }), ORIGIN)).toBe(false);
    expect(fromOwnOrigin(h({ origin: "null" }), ORIGIN)).toBe(false);
    expect(fromOwnOrigin(h({ "sec-fetch-site": "same-origin" }), ORIGIN)).toBe(true);
    expect(fromOwnOrigin(h({ "sec-fetch-site": "same-site" }), ORIGIN)).toBe(false);
    expect(fromOwnOrigin(h({}), ORIGIN)).toBe(false);
  });

  it("reads the caller's address from the last X-Forwarded-For hop, the one the trusted proxy appended", () => {
    // The client wrote 203.0.113.7 itself; the proxy saw the connection come from 198.51.100.4.
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.7, 198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(h({ "x-forwarded-for": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(h({}))).toBe("unknown");
  });

  it("cannot be changed by what a client puts before the proxy's hop", () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 5 }), fc.ipV4(), (chosen, seen) => {
        expect(clientAddress(h({ "x-forwarded-for": [...chosen, seen].join(", ") }))).toBe(seen);
      }),
    );
  });
});

describe("rate limiter", () => {
  it("never remembers more keys than its bound, however many distinct keys arrive", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.nat(200_000)), { maxLength: 400 }), fc.integer({ min: 1, max: 50 }), (hits, maxKeys) => {
        const limiter = new RateLimiter(5, 60_000, maxKeys);
        let now = 0;
        for (const [key, step] of hits) {
          now += step;
          limiter.hit(key, now);
          expect(limiter.size).toBeLessThanOrEqual(maxKeys);
        }
      }),
    );
  });

  it("counts uses in a window and says how long to wait past the limit", () => {
    const limiter = new RateLimiter(2, 60_000);
    expect([limiter.hit("a", 0), limiter.hit("a", 1000), limiter.hit("a", 2000)]).toEqual([0, 0, 58_000]);
    expect(limiter.hit("a", 60_000)).toBe(0);
  });
});

describe("token shape", () => {
  it("accepts what newSecret makes and refuses junk before any lookup", () => {
    for (let i = 0; i < 50; i++) expect(isSecretShaped(newSecret("bot"), "bot")).toBe(true);
    for (const junk of ["", "bot_", `bot_${"x".repeat(42)}`, `bot_${"x".repeat(44)}`, `bts_${"x".repeat(43)}`, `bot_${"x".repeat(42)}=`, "x".repeat(15_000)])
      expect(isSecretShaped(junk, "bot")).toBe(false);
  });
});

describe("reading a JSON body", () => {
  it("stops reading a body without Content-Length as soon as it passes the limit", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 300 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readJson(request, 1024 * 1024)).rejects.toMatchObject({ code: "too_large" });
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });

  const post = (body: BodyInit | null, type?: string) => new Request("http://x/", { method: "POST", body, headers: type ? { "content-type": type } : {} });

  it("takes JSON sent as JSON, and no body at all as {}", async () => {
    await expect(readJson(post('{"to":"design"}', "application/json; charset=utf-8"))).resolves.toEqual({ to: "design" });
    await expect(readJson(post('{"a":1}', "application/merge-patch+json"))).resolves.toEqual({ a: 1 });
    await expect(readJson(post(null))).resolves.toEqual({});
  });

  it.each([["text/plain"], ["application/x-www-form-urlencoded"], [undefined]])("refuses a body sent as %s with 415, however JSON it looks", async (type) => {
    await expect(readJson(post('{"to":"design"}', type))).rejects.toMatchObject({ code: "unsupported_media_type" });
  });
});

describe("reading an ingestion upload", () => {
  it("counts a multipart body as it arrives: a chunked upload past the limit is refused before it is parsed", async () => {
    const boundary = "b0undary";
    const head = new TextEncoder().encode(`--${boundary}\r\ncontent-disposition: form-data; name="note"\r\n\r\n`);
    const filler = new Uint8Array(1024 * 1024).fill(0x61);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        pulled += filler.byteLength;
        if (pulled > 200 * 1024 * 1024) controller.close();
        else controller.enqueue(filler);
      },
    });
    const request = new Request("http://x/ingest", { method: "POST", body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, duplex: "half" } as RequestInit);
    await expect(readIngestBody(request, "coverage")).rejects.toMatchObject({ code: "too_large" });
    expect(pulled).toBeLessThan(60 * 1024 * 1024);
  });

  it("still reads a multipart upload within the limit", async () => {
    const form = new FormData();
    form.append("file", new Blob(["TN:\nend_of_record\n"]), "lcov.info");
    form.append("measuredAt", "2026-11-02");
    const request = new Request("http://x/ingest", { method: "POST", body: form });
    await expect(readIngestBody(request, "coverage")).resolves.toEqual({ files: [{ name: "lcov.info", content: "TN:\nend_of_record\n" }], measuredAt: "2026-11-02" });
  });
});

describe("what a reader sees of people", () => {
  it("replaces known e-mails by names at any depth, and leaves everything else", () => {
    const names = new Map([["a@example.com", "Ann"]]);
    expect(redactEmails({ by: "a@example.com", list: ["a@example.com", "b@example.com"], n: 1, note: "mail a@example.com" }, names)).toEqual({
      by: "Ann",
      list: ["Ann", "b@example.com"],
      n: 1,
      note: "mail a@example.com",
    });
  });
});

describe("every page checks the session itself", () => {
  it("calls requireSignedIn, requirePagePermission or adminPage, which call it first (a layout guards nothing on a client navigation)", () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name === "page.tsx") pages.push(path.join(dir, e.name));
      }
    };
    walk("app");
    // The pages of the signed-out: signing in, and the provider's sign-out offered after signing out.
    const open = [path.join("app", "sign-in", "page.tsx"), path.join("app", "signed-out", "page.tsx")];
    const unguarded = pages.filter((p) => !open.includes(p) && !/await requireSignedIn\(|await requirePagePermission\("\w+"\)|return adminPage\(/.test(fs.readFileSync(p, "utf8")));
    // The open pages read no program data: nothing from db/ beyond what signing in needs.
    for (const p of open) expect(fs.readFileSync(p, "utf8"), p).not.toMatch(/from "@\/db\/(queries|mutations)/);
    expect(fs.readFileSync(path.join("app", "_lib", "admin-page.tsx"), "utf8")).toMatch(/return render\(await requirePagePermission\("admin"\)\);/);
    expect(fs.readFileSync(path.join("app", "_lib", "page-permission.ts"), "utf8")).toMatch(
      /const person = await requireSignedIn\(\);\n\s+if \(!can\(person\.role, permission\)\) \{\n[^\n]*\n\s+forbidden\(\);\n\s+\}\n\s+return person;/,
    );
    expect(pages.length).toBeGreaterThan(10);
    expect(unguarded).toEqual([]);
  });
});
