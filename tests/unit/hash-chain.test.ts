import { describe, expect, it } from "vitest";
import { GENESIS_HASH, hashEntry, verifyChain, type LogEntry, type LogEntryContent } from "@/lib/hash-chain";

function chain(n: number): LogEntry[] {
  const out: LogEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: LogEntryContent = {
      seq,
      at: "2026-01-01T00:00:00.000Z",
      actor: "a@example.com",
      action: "create",
      entity: "item",
      entityId: `K${seq}`,
      programSlug: "p",
      payload: { b: seq, a: [1, "x"] },
    };
    const hash = hashEntry(prev, content);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe("hash chain", () => {
  it("verifies an intact chain and reports its head", () => {
    const entries = chain(5);
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 5, head: entries[4]!.hash, firstBad: null });
  });

  it("does not depend on the key order of the payload", () => {
    const [e] = chain(1);
    const reordered = { ...e!, payload: { a: [1, "x"], b: 1 } };
    expect(verifyChain([reordered]).ok).toBe(true);
  });

  it("names the first altered, missing or reordered entry", () => {
    const altered = chain(5);
    altered[2] = { ...altered[2]!, payload: { b: 99 } };
    expect(verifyChain(altered).firstBad?.seq).toBe(3);

    const missing = chain(5).filter((e) => e.seq !== 2);
    expect(verifyChain(missing).firstBad?.seq).toBe(3);

    const swapped = chain(5);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(verifyChain(swapped).firstBad?.seq).toBe(3);
  });
});
