/**
 * A response whose body is UTF-8 chunks held in memory (a memoised answer): streamed as they are,
 * with no copy into one buffer, which at megabytes per answer costs more than the answer itself.
 */
export function chunksResponse(chunks: readonly Uint8Array[], headers: Record<string, string>): Response {
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
  const length = chunks.reduce((sum, c) => sum + c.byteLength, 0);
  return new Response(body, { headers: { ...headers, "content-length": String(length) } });
}
