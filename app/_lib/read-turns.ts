/**
 * Resolves at the end of this turn of the event loop, after the server has taken in every request
 * that arrived with this one. A read waits for it before doing its work, so a write that comes
 * while many readers keep the server busy is served in the same turn: a person reporting a
 * transition waits for the read being served, not for every read queued behind it. Reads keep
 * their order; each waits microseconds longer.
 */
export function readTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
