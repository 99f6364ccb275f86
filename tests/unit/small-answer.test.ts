import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markSmallAnswer, SMALL_ANSWER_BYTES } from "@/lib/http/small-answer";

/** A response whose body arrives in the given chunks, each in its own read. */
function chunked(chunks: Uint8Array[], init: ResponseInit = {}): Response {
  let next = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        if (next < chunks.length) controller.enqueue(chunks[next++]!);
        else controller.close();
      },
    }),
    init,
  );
}

describe("markSmallAnswer", () => {
  it("marks a short JSON answer no-transform and keeps its status, headers and body", async () => {
    const answer = await markSmallAnswer(Response.json({ ok: true }, { status: 201, headers: { "x-request": "7" } }));
    expect(answer.status).toBe(201);
    expect(answer.headers.get("cache-control")).toBe("no-transform");
    expect(answer.headers.get("x-request")).toBe("7");
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(await answer.json()).toEqual({ ok: true });
  });

  it("adds no-transform to a cache-control already there, and keeps every set-cookie", async () => {
    const headers = new Headers({ "cache-control": "no-store" });
    headers.append("set-cookie", "a=1; Path=/");
    headers.append("set-cookie", "b=2; Path=/");
    const answer = await markSmallAnswer(new Response("{}", { headers }));
    expect(answer.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(answer.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("leaves a long answer unmarked, so it may be compressed", async () => {
    const text = JSON.stringify({ items: "x".repeat(SMALL_ANSWER_BYTES) });
    const answer = await markSmallAnswer(Response.json(JSON.parse(text)));
    expect(answer.headers.get("cache-control")).toBeNull();
    expect(await answer.text()).toBe(text);
  });

  it("passes an answer that declares a long length on untouched, without reading it", async () => {
    const declared = new Response(new Uint8Array(2048), { headers: { "content-length": "2048" } });
    expect(await markSmallAnswer(declared)).toBe(declared);
    expect(declared.body!.locked).toBe(false);
    // A short declared length is still read and marked.
    const short = await markSmallAnswer(new Response("{}", { headers: { "content-length": "2" } }));
    expect(short.headers.get("cache-control")).toBe("no-transform");
  });

  it("leaves an answer without a body, or already no-transform, as it is", async () => {
    const redirect = Response.redirect("https://tracker.example/sign-in", 303);
    expect(await markSmallAnswer(redirect)).toBe(redirect);
    const empty = new Response(null, { status: 204 });
    expect(await markSmallAnswer(empty)).toBe(empty);
    const marked = new Response("{}", { headers: { "cache-control": "private, no-transform" } });
    expect(await markSmallAnswer(marked)).toBe(marked);
  });

  it("passes every body on byte for byte, however it is chunked, and marks it exactly when it is short", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ minLength: 1, maxLength: 700 }), { maxLength: 6 }), fc.integer({ min: 1, max: 2048 }), async (chunks, threshold) => {
        const size = chunks.reduce((sum, c) => sum + c.byteLength, 0);
        const answer = await markSmallAnswer(chunked(chunks, { status: 200 }), threshold);
        expect(answer.headers.get("cache-control")).toBe(size < threshold ? "no-transform" : null);
        expect(new Uint8Array(await answer.arrayBuffer())).toEqual(new Uint8Array(Buffer.concat(chunks)));
      }),
    );
  });

  it("a long answer's stream cancelled by the client cancels the handler's stream", async () => {
    let cancelled: unknown = null;
    const source = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(600)),
      cancel: (reason) => void (cancelled = reason),
    });
    const answer = await markSmallAnswer(new Response(source));
    await answer.body!.cancel("client gone");
    expect(cancelled).toBe("client gone");
  });
});
