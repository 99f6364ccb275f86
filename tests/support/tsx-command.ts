/**
 * How the tests run a TypeScript entry point (the CLI, a support script): Node with tsx's loader,
 * `node --import tsx SCRIPT`, as `npm run tracker` does. The `tsx` command would put a launcher
 * process of its own in front: half a second more on each of the hundreds of runs. Run from the
 * project's folder (the loader and the `@/` paths resolve from it).
 */
export const NODE = process.execPath;

/** Node's arguments to run `script` with `args` under tsx's loader. */
export function tsxArgs(script: string, args: readonly string[] = []): string[] {
  return ["--import", "tsx", script, ...args];
}
