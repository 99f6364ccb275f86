import { execFileSync } from "node:child_process";

/** Whether Debian's pdftotext (poppler-utils) is installed: `npm test` installs it as root. */
export const HAS_PDFTOTEXT = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** The text of a PDF (its bytes, or a file's path), laid out as a person reading it would see it. */
export function pdfToText(pdf: Buffer | string): string {
  return typeof pdf === "string"
    ? execFileSync("pdftotext", ["-layout", pdf, "-"]).toString("utf8")
    : execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8");
}
