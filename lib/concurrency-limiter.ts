/** A task was refused because too many were already waiting for a slot. */
export class QueueFullError extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} tasks are already waiting`);
    this.name = "QueueFullError";
  }
}

/**
 * Runs at most `concurrency` tasks at once, in arrival order; at most `maxWaiting` wait for a
 * slot, and a task beyond that is refused at once with QueueFullError instead of piling up.
 * In memory, per process.
 */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {
    if (!(concurrency >= 1) || !(maxWaiting >= 0)) throw new RangeError("concurrency must be ≥ 1 and maxWaiting ≥ 0");
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `task` when a slot is free; the slot is freed when it settles, whether it fails or not. */
  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) return this.start(task);
    if (this.queue.length >= this.maxWaiting) return Promise.reject(new QueueFullError(this.queue.length));
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => void this.start(task).then(resolve, reject));
    });
  }

  private start<T>(task: () => Promise<T>): Promise<T> {
    this.active++;
    let result: Promise<T>;
    try {
      result = task();
    } catch (error) {
      result = Promise.reject(error);
    }
    return result.finally(() => {
      this.active--;
      this.queue.shift()?.();
    });
  }
}
