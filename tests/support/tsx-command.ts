/**
 * How the tests run the CLI and TypeScript entry points. The CLI runs as `npm run tracker` runs it:
 * `node scripts/run-tracker.mjs`, its bundle (scripts/cli-bundle.mjs). Another TypeScript script
 * runs under tsx's loader, `node --import tsx SCRIPT`: the `tsx` command would put a launcher
 * process of its own in front. Run from the project's folder (the loader and the `@/` paths
 * resolve from it).
 */
export const NODE = process.execPath;

/** Node's arguments to run the tracker CLI with `args`. */
export function trackerArgs(args: readonly string[]): string[] {
  return ["scripts/run-tracker.mjs", ...args];
}

/** Node's arguments to run `script` with `args` under tsx's loader. */
export function tsxArgs(script: string, args: readonly string[] = []): string[] {
  return ["--import", "tsx", script, ...args];
}
