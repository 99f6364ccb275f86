// The CLI as one ES module bundle (esbuild): a command starts in about 0.3 CPU-seconds, where
// loading the TypeScript sources and each package's many modules through tsx's hooks took 1.6. Built on first use into node_modules/.cache/tracker-cli/ and again whenever a source it
// was built from changed.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT_DIR = path.join(ROOT, "node_modules", ".cache", "tracker-cli");
const ENTRY = "scripts/tracker.ts";
// Packages Node loads from node_modules as usual: native ones, pg (its optional native binding
// is resolved at run time), and large ones only a few commands load, on demand (PDF printing,
// spreadsheets, mail). The rest is bundled: one file parses faster than hundreds of modules.
const EXTERNAL = ["better-sqlite3", "pg", "exceljs", "nodemailer"];
// Files that change a bundle without being part of it: aliases, targets, package versions.
const SETTINGS = ["tsconfig.json", "package.json", "package-lock.json", "scripts/cli-bundle.mjs"];

/**
 * The path of the CLI's bundle, built or rebuilt first when it is missing or older than a source.
 * Beside it, inputs.json: when it was built and from which of the project's files.
 */
export async function cliBundle(outDir = OUT_DIR) {
  const main = path.join(outDir, "tracker.mjs");
  const stamp = path.join(outDir, "inputs.json");
  if (!upToDate(stamp)) await rebuild(main, stamp);
  return main;
}

function upToDate(stampFile) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, "utf8"));
  } catch {
    return false;
  }
  try {
    return [...stamp.inputs, ...SETTINGS].every((file) => fs.statSync(path.join(ROOT, file)).mtimeMs <= stamp.builtAt);
  } catch {
    return false; // a source was removed or renamed
  }
}

async function rebuild(main, stamp) {
  const { build } = await import("esbuild");
  // The time is taken before reading: a source saved during the build makes the next run rebuild.
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: main,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    // Bundled CommonJS packages require Node's built-in modules: give the ES module a require.
    banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
    tsconfig: "tsconfig.json",
    metafile: true,
    write: false,
    logLevel: "error",
  });
  fs.mkdirSync(path.dirname(main), { recursive: true });
  // Two CLIs may build at once: each file is written whole under another name and renamed into place.
  replaceFile(main, result.outputFiles[0].contents);
  // Bundled packages change only with package-lock.json (in SETTINGS): their files need no check.
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith("node_modules/"));
  replaceFile(stamp, JSON.stringify({ builtAt, inputs }));
}

function replaceFile(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}
