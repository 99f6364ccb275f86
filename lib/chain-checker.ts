import type { ChainVerdict } from "./hash-chain";

/**
 * What a verdict was computed for: `dataVersion` moves when another connection changed the
 * database file (SQLite's `PRAGMA data_version`, so a tamperer with sqlite3 included), `head`
 * when the log's last entry moved (our own appends too).
 */
export interface LogState {
  dataVersion: number;
  head: string;
}

/** A verdict and how current it is. `verdict` is null only while the very first check runs. */
export interface ChainCheck {
  verdict: ChainVerdict | null;
  /** A check of a newer log is running: the verdict may be about to change. */
  checking: boolean;
  /** When the check that gave `verdict` started reading the log (ISO 8601, UTC). */
  checkedAt: string | null;
}

export interface CheckOptions {
  /**
   * How long to wait for a check of the log as it is now before serving the last verdict; with no
   * verdict yet and `waitForFirst` false, there is no wait.
   */
  waitMs: number;
  /** With no verdict yet, wait for the first however long it takes (rather than answer null). */
  waitForFirst: boolean;
  /**
   * Whether our own appends (a new head, the same data_version) call for a new check. Appends
   * through the tracker keep an intact chain intact, so a verdict alone does not need one; the
   * entry count and head hash of the API's answer do.
   */
  ownAppendsMatter: boolean;
}

interface Result {
  state: LogState;
  verdict: ChainVerdict;
  checkedAt: Date;
}

/**
 * Runs a costly chain check at most once at a time and shares its verdict: callers get the last
 * verdict while a newer one is made, and a run starts only when the log changed since the last.
 */
export class ChainChecker {
  private last: Result | null = null;
  /** The run in progress; resolves with its error, if it failed. */
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly verify: () => Promise<ChainVerdict>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async check(state: LogState, options: CheckOptions): Promise<ChainCheck> {
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      if (this.last && covers(this.last.state, state, options.ownAppendsMatter)) return this.answer();
      const run = this.running ?? this.start(state);
      // Before the first verdict only a caller that needs one waits: a new server's first pages
      // say the check is in progress rather than wait on a check of the whole log.
      if (!this.last && !options.waitForFirst) return this.answer();
      const waitAll = options.waitForFirst && !this.last;
      const outcome = await (waitAll ? run : within(run, deadline - Date.now()));
      if (outcome === TIMED_OUT) return this.answer();
      if (outcome instanceof Error) {
        if (!this.last) throw outcome;
        return this.answer(); // keep serving the last verdict; the next caller tries again
      }
    }
  }

  private start(state: LogState): Promise<unknown> {
    const checkedAt = this.now();
    const run = this.verify().then(
      (verdict) => {
        this.last = { state, verdict, checkedAt };
        return null;
      },
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    this.running = run.finally(() => (this.running = null));
    return this.running;
  }

  private answer(): ChainCheck {
    return { verdict: this.last?.verdict ?? null, checking: this.running !== null, checkedAt: this.last?.checkedAt.toISOString() ?? null };
  }
}

function covers(checked: LogState, now: LogState, ownAppendsMatter: boolean): boolean {
  return checked.dataVersion === now.dataVersion && (!ownAppendsMatter || checked.head === now.head);
}

const TIMED_OUT = Symbol("timed out");

/** `run`'s outcome, or TIMED_OUT after `ms`. */
function within(run: Promise<unknown>, ms: number): Promise<unknown> {
  if (ms <= 0) return Promise.resolve(TIMED_OUT);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, ms, TIMED_OUT)));
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}
