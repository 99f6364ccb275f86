// `npm run tracker -- <command>`: runs the CLI (scripts/tracker.ts) from its bundle, built first
// when a source changed (scripts/cli-bundle.mjs). Arguments, output and exit code are the CLI's own.
import { pathToFileURL } from "node:url";
import { cliBundle } from "./cli-bundle.mjs";

await import(pathToFileURL(await cliBundle()).href);
