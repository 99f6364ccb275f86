/**
 * The tracker CLI: `npm run tracker -- <command> [args]`. Thin over db/ and lib/; each command
 * prints a one-line reason on stderr and exits non-zero when it fails.
 */
import { asAppError } from "@/lib/errors";
import { runCommand, usage } from "./cli/commands";

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(usage());
    return command ? 0 : 2;
  }
  return await runCommand(command, args);
}

// A reader that stops early (`| head`) closes the pipe: stop quietly, as a Unix filter does, not
// with a stack trace for an "unhandled 'error' event".
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// exitCode, not exit(): a large export piped to another program must be written out in full first.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = asAppError(error);
    if (known) process.stderr.write(`error: ${known.describe()}\n`);
    else process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
