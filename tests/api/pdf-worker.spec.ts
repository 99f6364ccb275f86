/**
 * The server prints PDFs from a worker thread, whose Chromium keeps its profile under a folder of
 * the worker's own. A worker thread's exit handlers (where playwright cleans up) do not run when
 * the process ends, so the server removes that folder itself: stopping the server leaves neither
 * Chromium nor its profile behind. On a server of its own (port 3131) with a TMPDIR of its own.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ownPort, OwnServer } from "../support/own-server";

test.setTimeout(120_000);

/** Chromium processes whose command line names `folder` (their profile is under it). */
function chromiumUnder(folder: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(folder)) pids.push(Number(entry));
    } catch {
      // The process ended while it was being read.
    }
  }
  return pids;
}

test("the PDF printer keeps Chromium's profile in a folder of its own; stopping the server leaves no Chromium and no profile behind", async () => {
  const tmp = fs.mkdtempSync(path.resolve("tests/.tmp/pdf-worker-"));
  const server = await OwnServer.start({ port: ownPort(3131), env: { TMPDIR: tmp } });
  try {
    const res = await fetch(`${server.baseURL}/api/programs/boost-offload/reports/2024-W20.pdf`, { headers: { authorization: `Bearer ${server.tokens().viewer}` } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    // The printer's folder holds the browser's profile while the browser runs.
    const folders = fs.readdirSync(tmp).filter((f) => f.startsWith("tracker-pdf-"));
    expect(folders).toHaveLength(1);
    const folder = path.join(tmp, folders[0]!);
    expect(fs.readdirSync(folder).some((f) => f.startsWith("playwright_chromiumdev_profile-"))).toBe(true);
    expect(chromiumUnder(folder).length, "Chromium processes with their profile in the printer's folder").toBeGreaterThan(0);

    await server.kill("SIGTERM");
    expect(fs.existsSync(folder), "the printer's folder after the server stopped").toBe(false);
    // Chromium ends when its pipe to the stopped server closes.
    await expect.poll(() => chromiumUnder(folder).length, { timeout: 10_000 }).toBe(0);
  } finally {
    await server.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("a Chromium that does not start is a 503 problem that says so, from the printer's thread as from any other", async () => {
  // /bin/true exists, so the print is tried, but it is no browser: the launch fails in the worker.
  const server = await OwnServer.start({ port: ownPort(3131), env: { CHROMIUM_PATH: "/bin/true" } });
  try {
    const res = await fetch(`${server.baseURL}/api/programs/boost-offload/reports/2024-W21.pdf`, { headers: { authorization: `Bearer ${server.tokens().viewer}` } });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = await res.json();
    expect(problem.detail).toContain("Chromium at /bin/true did not start");
    expect(problem.detail).toContain("Markdown, CSV and JSON still work");
    // The other formats of the same week are unaffected.
    const md = await fetch(`${server.baseURL}/api/programs/boost-offload/reports/2024-W21.md`, { headers: { authorization: `Bearer ${server.tokens().viewer}` } });
    expect(md.status).toBe(200);
  } finally {
    await server.dispose();
  }
});
