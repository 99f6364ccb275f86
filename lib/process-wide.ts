/**
 * One value per server process under `name`. Next compiles each route and instrumentation.ts into
 * bundles with their own copies of a module's top-level values; caches that the warm-up fills and
 * every route reads, and whose bound is meant for the whole process, live here instead.
 */
export function processWide<T>(name: string, make: () => T): T {
  const shared = globalThis as unknown as { trackerProcessWide?: Map<string, unknown> };
  const all = (shared.trackerProcessWide ??= new Map());
  if (!all.has(name)) all.set(name, make());
  return all.get(name) as T;
}
