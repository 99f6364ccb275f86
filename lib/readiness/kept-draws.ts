const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
const IN_PAGE = PAGE - 1;

/**
 * A forecast's draws (indices into the throughput sample), kept so that the trials can be cut
 * again from them. Trials that run to the 20-year limit draw 10.4 million weeks, so the draws are
 * kept in pages, which grow without copying what is kept, and two to a byte when the sample has
 * at most 16 weeks (it has 12): 5 MB, where one array doubled as it grew held up to 16.
 */
export class KeptDraws {
  private readonly pages: Uint8Array[] = [];
  private readonly twoToAByte: boolean;
  length = 0;

  constructor(range: number) {
    if (range > 256) throw new Error(`a throughput sample of ${range} weeks does not fit the kept draws`);
    this.twoToAByte = range <= 16;
  }

  at(i: number): number {
    const page = this.pages[i >>> PAGE_BITS]!;
    if (!this.twoToAByte) return page[i & IN_PAGE]!;
    const byte = page[(i & IN_PAGE) >>> 1]!;
    return i & 1 ? byte >>> 4 : byte & 15;
  }

  /** Appends `count` draws made by `draw`, in order. */
  append(count: number, draw: () => number): void {
    for (let left = count; left > 0; ) {
      const at = this.length & IN_PAGE;
      if (at === 0) this.pages.push(new Uint8Array(this.twoToAByte ? PAGE / 2 : PAGE));
      const page = this.pages[this.pages.length - 1]!;
      const n = Math.min(left, PAGE - at);
      if (!this.twoToAByte) {
        for (let k = 0; k < n; k++) page[at + k] = draw();
      } else {
        let k = 0;
        if (at & 1) {
          page[at >>> 1]! |= draw() << 4;
          k = 1;
        }
        // The even draw goes in the low half: the operands are evaluated left to right.
        for (; k + 1 < n; k += 2) page[(at + k) >>> 1] = draw() | (draw() << 4);
        if (k < n) page[(at + k) >>> 1] = draw();
      }
      this.length += n;
      left -= n;
    }
  }

  /** values[draw] summed over the draws from `from` to `to` (exclusive). */
  sumWithin(from: number, to: number, values: readonly number[]): number {
    let sum = 0;
    const page = this.pages[from >>> PAGE_BITS]!;
    if (this.twoToAByte && (from & 1) === 0 && (to & 1) === 0 && to - from <= PAGE - (from & IN_PAGE)) {
      // The common case, a block: whole bytes of one page, two draws each.
      for (let b = (from & IN_PAGE) >>> 1, end = b + ((to - from) >>> 1); b < end; b++) {
        const byte = page[b]!;
        sum += values[byte & 15]! + values[byte >>> 4]!;
      }
      return sum;
    }
    for (let i = from; i < to; i++) sum += values[this.at(i)]!;
    return sum;
  }
}
