/**
 * The tracker CLI run in the test's own process: what scripts/tracker.ts's main does (the command
 * table, then one "error: …" line for a failure), with stdout and stderr captured and the exit
 * code returned instead of process.exit. tsx needs 1–3 s to start a real process; this needs none.
 */
import { AppError } from "@/lib/errors";
import { runCommand } from "@/scripts/cli/commands";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function trackerInProcess(databaseFile: string, args: string[], env: Record<string, string> = { TRACKER_SEED: "none" }): Promise<CliRun> {
  const names = ["DATABASE_URL", ...Object.keys(env)];
  const savedEnv = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  const savedOut = process.stdout.write;
  const savedErr = process.stderr.write;
  let stdout = "";
  let stderr = "";
  Object.assign(process.env, env, { DATABASE_URL: databaseFile });
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  let code: number;
  try {
    const [command, ...rest] = args;
    code = await runCommand(command!, rest);
  } catch (error) {
    // The same two lines as scripts/tracker.ts.
    if (error instanceof AppError) stderr += `error: ${error.describe()}\n`;
    else stderr += `error: ${error instanceof Error ? error.message : String(error)}\n`;
    code = 1;
  } finally {
    process.stdout.write = savedOut;
    process.stderr.write = savedErr;
    for (const [n, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[n];
      else process.env[n] = v;
    }
  }
  return { code, stdout, stderr };
}
