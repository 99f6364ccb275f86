import { Worker } from "node:worker_threads";

/**
 * A worker thread running `entry` (a TypeScript file beside this one) when the code runs from
 * source (vitest, tsx). `execArgv: ["--import", "tsx"]` does not reach a worker's entry on Node 20,
 * so a one-line bootstrap registers tsx's loader first. In the Next.js server each spawner writes
 * `new Worker(new URL("./entry.ts", import.meta.url))` itself: that literal is what Turbopack
 * bundles as a worker.
 */
export function workerFromSource(entry: string, workerData: unknown): Worker {
  const url = import.meta.url.replace(/[^/]+$/, entry);
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Whether this code runs inside the Next.js server (bundled), not from TypeScript source. */
export function inNextServer(): boolean {
  // Not `import.meta.url.endsWith(".ts")`: Turbopack keeps the source file's URL there.
  return Boolean(process.env.NEXT_RUNTIME);
}
