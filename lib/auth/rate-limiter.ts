/**
 * A fixed-window counter per key (e.g. a token's hash): at most `limit` uses per `windowMs`.
 * In memory, per server process — enough to stop a runaway script, not a distributed attack.
 * It remembers at most `maxKeys` keys: past that, expired windows go first, then the oldest, so
 * a flood of distinct keys costs bounded memory (and forgets the oldest key's count).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts a use; returns the milliseconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (w) this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) this.makeRoom(now);
      this.windows.set(key, { start: now, count: 1 });
      return this.limit < 1 ? this.windowMs : 0;
    }
    w.count++;
    return w.count > this.limit ? w.start + this.windowMs - now : 0;
  }

  /** How many keys it remembers now. */
  get size(): number {
    return this.windows.size;
  }

  private makeRoom(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    // Insertion order is window-start order: the first key is the oldest.
    for (const k of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(k);
    }
  }
}
