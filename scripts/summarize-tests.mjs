// Adds up vitest's and Playwright's JSON reports into one closing line. A missing report is a failure.
import fs from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`summary: ${file} is missing: that suite did not run`);
    failed++;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  } else {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  }
}
// The typecheck and lint steps count as one failed test each, so the closing line cannot read green.
const checksFile = "tests/.tmp/failed-checks";
const failedChecks = fs.existsSync(checksFile) ? fs.readFileSync(checksFile, "utf8").split("\n").filter(Boolean) : [];
failed += failedChecks.length;
const checksNote = failedChecks.length ? ` (failed checks: ${failedChecks.join(", ")})` : "";
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped${checksNote}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
