/**
 * PDF printing under load, with Chromium replaced by a small shell script that logs each run and
 * writes a fake PDF: at most 2 prints at once, 503 with Retry-After past a short queue, a print
 * that dies, fails, writes half a PDF or hangs is a 503 and frees its slot, no helper process
 * outlives a print, Chromium sees none of the server's secrets, every print's directory is
 * removed, and each week's PDF is printed once per log head.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { exportWeeklyReport } from "@/db/queries/get-weekly-report";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { PdfPrinter, printWithChromium, sweepPrintDirectories } from "@/db/print/print-pdf";
import { smallBundle } from "../support/small-bundle";

// Logs "start" and leaves a helper behind that ticks into a file, as Chromium's helpers outlive
// its main process; waits while the file "hold" exists; then, as the files present say, exits 139
// without a PDF ("crash"), writes half a PDF ("partial"), writes a whole one and exits 1 ("fail"),
// or writes a whole one, keeping a copy of its page and its environment.
const fakeChromium = (state: string) => `#!/bin/sh
state="${state}"
for a in "$@"; do
  case "$a" in --print-to-pdf=*) out="\${a#--print-to-pdf=}" ;; --user-data-dir=*) profile="\${a#--user-data-dir=}" ;; file://*) page="\${a#file://}" ;; esac
done
echo "start $$ $profile $*" >> "$state/log"
(while :; do echo tick >> "$state/ticks.$$"; sleep 0.02; done) &
while [ -e "$state/hold" ]; do sleep 0.01; done
if [ -e "$state/crash" ]; then echo "end $$ crashed" >> "$state/log"; exit 139; fi
sleep 0.005
cp "$page" "$state/page.$$.html"
env > "$state/env.$$"
if [ -e "$state/partial" ]; then printf '%%PDF-fake %s' "$$" > "$out"; echo "end $$ partial" >> "$state/log"; exit 0; fi
printf '%%PDF-fake %s\n%%%%EOF\n' "$$" > "$out"
if [ -e "$state/fail" ]; then echo "end $$ failed" >> "$state/log"; exit 1; fi
echo "end $$ printed" >> "$state/log"
`;

const NOW = Date.parse("2026-11-27T08:00:00Z");
let db: Db;
let state: string;
const savedPath = process.env.CHROMIUM_PATH;

const log = () => (fs.existsSync(path.join(state, "log")) ? fs.readFileSync(path.join(state, "log"), "utf8").trim().split("\n") : []);
const runs = () => log().filter((l) => l.startsWith("start ")).length;
const prints = () => log().filter((l) => l.endsWith(" printed")).length;
/** The most runs alive at once, replayed from the log's start and end lines. */
function mostAtOnce(): number {
  let alive = 0;
  let most = 0;
  for (const line of log()) {
    alive += line.startsWith("start ") ? 1 : -1;
    most = Math.max(most, alive);
  }
  return most;
}
const hold = () => fs.writeFileSync(path.join(state, "hold"), "");
const release = () => fs.rmSync(path.join(state, "hold"), { force: true });
const ticks = () => fs.readdirSync(state).filter((f) => f.startsWith("ticks.")).reduce((n, f) => n + fs.readFileSync(path.join(state, f), "utf8").length, 0);
/** The fake's helpers have stopped ticking: they were killed with the print's process group. */
async function expectHelpersGone() {
  await new Promise((r) => setTimeout(r, 60));
  const before = ticks();
  await new Promise((r) => setTimeout(r, 120));
  expect(ticks(), "a helper process of a print still runs").toBe(before);
}

beforeAll(async () => {
  state = fs.mkdtempSync(path.join(os.tmpdir(), "fake-chromium-"));
  const executable = path.join(state, "chromium");
  fs.writeFileSync(executable, fakeChromium(state), { mode: 0o755 });
  process.env.CHROMIUM_PATH = executable;
  db = await openDatabase(":memory:");
  await importBundle(db, JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "db/seed/boost-offload.json"), "utf8")), { actor: null });
});
afterAll(() => {
  db.$client.close();
  release();
  fs.rmSync(state, { recursive: true, force: true });
  if (savedPath === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = savedPath;
});
beforeEach(() => {
  release();
  for (const file of fs.readdirSync(state)) if (file !== "chromium") fs.rmSync(path.join(state, file));
});

const pdfOf = (week: string, paper: "a4" | "letter" = "a4") => exportWeeklyReport(db, "boost-offload", week, "pdf", { now: NOW, paper });

describe("printing PDFs", () => {
  it("20 parallel PDF requests: at most 2 Chromiums print at once; past 8 waiting they get 503 with Retry-After", async () => {
    const weeks = Array.from({ length: 10 }, (_, i) => `2024-W${String(21 + i).padStart(2, "0")}`);
    // Held prints overlap on any machine, however slow: the first two wait until all 20 have arrived.
    hold();
    const settled = Promise.allSettled(weeks.flatMap((w) => [pdfOf(w, "a4"), pdfOf(w, "letter")]));
    await vi.waitFor(() => expect(runs()).toBe(2), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(runs(), "a third Chromium started while two were printing").toBe(2);
    release();
    const outcomes = await settled;

    expect(mostAtOnce(), "Chromiums printing at once").toBe(2);
    const printed = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    // 2 printing and 8 waiting when the rest arrive.
    expect(printed).toHaveLength(10);
    expect(refused).toHaveLength(10);
    expect(prints()).toBe(10);
    await expectHelpersGone();
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(503);
      expect((error as AppError).retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it("runs Chromium headless on a page that may run no script and fetch nothing, in a profile that is removed afterwards, with none of the server's secrets", async () => {
    process.env.TRACKER_TEST_SECRET = "canary";
    try {
      await pdfOf("2024-W20", "letter");
    } finally {
      delete process.env.TRACKER_TEST_SECRET;
    }
    const env = fs.readFileSync(path.join(state, fs.readdirSync(state).find((f) => f.startsWith("env."))!), "utf8");
    expect(env).toMatch(/^PATH=/m);
    expect(env).not.toContain("canary");
    expect(env).not.toMatch(/^DATABASE_URL=/m);
    const [start] = log();
    const [, , profile, ...args] = start!.split(" ");
    expect(args).toEqual(expect.arrayContaining(["--headless", "--no-pdf-header-footer", "--disable-pdf-tagging", "--proxy-server=127.0.0.1:9", `--user-data-dir=${profile}`]));
    expect(fs.existsSync(path.dirname(profile!)), "the print's directory").toBe(false);
    const page = fs.readFileSync(path.join(state, fs.readdirSync(state).find((f) => f.startsWith("page."))!), "utf8");
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`);
    expect(page).toContain("size: letter;");
    expect(page).toContain('@bottom-left { content: "Boost offload program · 2024-W20 · ');
    expect(page).toContain('@bottom-right { content: "page " counter(page) " of " counter(pages);');
  });

  it("a refused PDF is a 503 problem with Retry-After", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 11 }, (_, i) => pdfOf(`2024-W${String(1 + i).padStart(2, "0")}`)));
    const refusal = outcomes.find((o) => o.status === "rejected");
    expect(refusal, "an eleventh PDF while 2 print and 8 wait").toBeDefined();
    const res = problemResponse((refusal as PromiseRejectedResult).reason, "/api/programs/boost-offload/reports/2024-W11.pdf");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await res.json();
    expect(body).toMatchObject({ status: 503, title: "Service unavailable" });
    expect(body.detail).toMatch(/^the PDF printer is busy \(\d+ waiting\): retry in \d+ s$/);
  });

  it("a Chromium that dies without a PDF is a 503 that names its exit; the next PDF prints", async () => {
    hold();
    const inFlight = pdfOf("2024-W12");
    await vi.waitFor(() => expect(runs()).toBe(1));
    fs.writeFileSync(path.join(state, "crash"), "");
    release();
    const error = await inFlight.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).message).toBe("Chromium printed nothing (exit code 139): retry in 10 s");

    fs.rmSync(path.join(state, "crash"));
    const next = await pdfOf("2024-W12");
    expect((next.body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("a PDF cut short, or written by a Chromium that then fails, is a 503 and is not kept", async () => {
    fs.writeFileSync(path.join(state, "partial"), "");
    await expect(pdfOf("2024-W17")).rejects.toThrow("Chromium wrote an incomplete PDF: retry in 10 s");
    fs.rmSync(path.join(state, "partial"));
    fs.writeFileSync(path.join(state, "fail"), "");
    await expect(pdfOf("2024-W17")).rejects.toThrow("Chromium did not finish the PDF (exit code 1): retry in 10 s");
    fs.rmSync(path.join(state, "fail"));
    expect((await pdfOf("2024-W17")).cache).toBe("miss");
    expect(prints()).toBe(1);
  });
});

describe("a print that hangs", () => {
  it("is killed at its timeout and refused with 503; the slot is free again and its directory removed", async () => {
    const printer = new PdfPrinter({ printFile: printWithChromium, concurrency: 1, maxQueue: 0, printTimeoutMs: 1000 });
    const page = { paper: "a4" as const, footer: "" };
    hold();
    const error = await printer.print("<p>1</p>", page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).message).toBe("the PDF took longer than 1 s: retry in 10 s");
    const [, hung, profile] = log()[0]!.split(" ");
    expect(fs.existsSync(path.dirname(profile!))).toBe(false);
    await expectHelpersGone();

    release();
    expect((await printer.print("<p>2</p>", page)).subarray(0, 5).toString()).toBe("%PDF-");
    await new Promise((r) => setTimeout(r, 100));
    expect(log().filter((line) => line.startsWith(`end ${hung} `)), "the killed Chromium went on").toEqual([]);
    expect(prints()).toBe(1);
  });
});

describe("print directories left by a stopped server", () => {
  it("are removed once older than any live print could be; others are left", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sweep-"));
    try {
      const now = Date.now();
      const make = (name: string, ageMs: number, dir = true) => {
        const file = path.join(tmp, name);
        if (dir) fs.mkdirSync(path.join(file, "profile"), { recursive: true });
        else fs.writeFileSync(file, "");
        fs.utimesSync(file, (now - ageMs) / 1000, (now - ageMs) / 1000);
      };
      make("tracker-pdf-stale", 3 * 60_000);
      make("tracker-pdf-printing", 30_000);
      make("other-stale", 3 * 60_000);
      make("tracker-pdf-a-file", 3 * 60_000, false);
      expect(await sweepPrintDirectories(tmp, now)).toEqual([path.join(tmp, "tracker-pdf-stale")]);
      expect(fs.readdirSync(tmp).sort()).toEqual(["other-stale", "tracker-pdf-a-file", "tracker-pdf-printing"]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("the PDF cache", () => {
  it("prints a week once per log head and paper: the same bytes again, anew after a write", async () => {
    const first = await pdfOf("2024-W13");
    expect(first.cache).toBe("miss");
    const [again, parallel] = await Promise.all([pdfOf("2024-W13"), pdfOf("2024-W13")]);
    expect(again.cache).toBe("hit");
    expect(parallel.cache).toBe("hit");
    expect((again.body as Buffer).equals(first.body as Buffer)).toBe(true);
    expect(prints()).toBe(1);

    expect((await pdfOf("2024-W13", "letter")).cache).toBe("miss");
    expect(prints()).toBe(2);

    await importBundle(db, smallBundle("pdf-cache-write"), { actor: null });
    const after = await pdfOf("2024-W13");
    expect(after.cache).toBe("miss");
    expect(prints()).toBe(3);
  });

  it("shares one print between parallel requests for the same file", async () => {
    const all = await Promise.all(Array.from({ length: 12 }, () => pdfOf("2024-W14")));
    expect(prints()).toBe(1);
    expect(all.every((f) => (f.body as Buffer).equals(all[0]!.body as Buffer))).toBe(true);
  });

  it("does not keep a failure", async () => {
    fs.writeFileSync(path.join(state, "crash"), "");
    await expect(pdfOf("2024-W15")).rejects.toBeInstanceOf(AppError);
    fs.rmSync(path.join(state, "crash"));
    expect((await pdfOf("2024-W15")).cache).toBe("miss");
    expect(prints()).toBe(1);
  });
});
