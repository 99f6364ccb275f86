/**
 * PDF printing under load, with playwright-core replaced by a fake Chromium that counts launches,
 * open contexts and prints: one shared browser, at most 2 prints at once, 503 with Retry-After past
 * a short queue, relaunch after a crash, and each week's PDF printed once per log head.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { exportWeeklyReport } from "@/db/queries/get-weekly-report";
import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";
import { closePdfPrinter, PdfPrinter, type PdfBrowser } from "@/lib/report/print-pdf";
import { smallBundle } from "../support/small-bundle";

const fake = vi.hoisted(() => {
  const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const state = {
    launches: 0,
    open: 0,
    maxOpen: 0,
    prints: 0,
    contextOptions: [] as unknown[],
    browsers: [] as FakeBrowser[],
    /** While set, prints wait for it (or for their context to close, as in Chromium). */
    hold: null as Promise<void> | null,
    reset() {
      Object.assign(state, { launches: 0, open: 0, maxOpen: 0, prints: 0, contextOptions: [], browsers: [], hold: null });
    },
  };
  class FakeBrowser {
    connected = true;
    private listeners: (() => void)[] = [];
    private contexts = new Set<{ close: () => Promise<void> }>();
    on(event: string, listener: () => void) {
      if (event === "disconnected") this.listeners.push(listener);
      return this;
    }
    isConnected() {
      return this.connected;
    }
    async newContext(options: unknown) {
      if (!this.connected) throw new Error("browser has been closed");
      state.contextOptions.push(options);
      state.open++;
      state.maxOpen = Math.max(state.maxOpen, state.open);
      const contexts = this.contexts;
      const browserConnected = () => this.connected;
      let closed = false;
      let onClose!: () => void;
      const whenClosed = new Promise<void>((r) => (onClose = r));
      const context = {
        async close() {
          if (closed) return;
          closed = true;
          onClose();
          state.open--;
          contexts.delete(context);
        },
        async newPage() {
          return {
            async setContent() {},
            async pdf() {
              await Promise.race([state.hold ?? delay(5), whenClosed]);
              if (closed || !browserConnected()) throw new Error("Target page, context or browser has been closed");
              return Buffer.from(`%PDF-fake ${++state.prints}`);
            },
          };
        },
      };
      this.contexts.add(context);
      return context;
    }
    /** Chromium dies: every context goes with it, and playwright reports the disconnection. */
    crash() {
      this.connected = false;
      for (const c of [...this.contexts]) void c.close();
      for (const l of this.listeners) l();
    }
    async close() {
      if (this.connected) this.crash();
    }
  }
  return {
    state,
    async launch() {
      state.launches++;
      await delay(10);
      const browser = new FakeBrowser();
      state.browsers.push(browser);
      return browser;
    },
  };
});
vi.mock("playwright-core", () => ({ chromium: { launch: fake.launch } }));

const NOW = Date.parse("2026-11-27T08:00:00Z");
let db: Db;
const savedPath = process.env.CHROMIUM_PATH;
beforeAll(async () => {
  // Load the mock once first: parallel first imports of a mocked module can reach the real one.
  await import("playwright-core");
  process.env.CHROMIUM_PATH = process.execPath; // any file that exists: the fake does the printing
  db = await openDatabase(":memory:");
  await importBundle(db, JSON.parse(fs.readFileSync(path.resolve(process.cwd(), "db/seed/boost-offload.json"), "utf8")), { actor: null });
});
afterAll(() => {
  db.$client.close();
  if (savedPath === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = savedPath;
});
beforeEach(() => fake.state.reset());
afterEach(async () => {
  await closePdfPrinter();
});

const pdfOf = (week: string, paper: "a4" | "letter" = "a4") => exportWeeklyReport(db, "boost-offload", week, "pdf", { now: NOW, paper });

describe("printing PDFs", () => {
  it("20 parallel PDF requests by a viewer share one browser and at most 2 render at once; past 8 waiting they get 503 with Retry-After", async () => {
    const weeks = Array.from({ length: 10 }, (_, i) => `2024-W${String(21 + i).padStart(2, "0")}`);
    const outcomes = await Promise.allSettled(weeks.flatMap((w) => [pdfOf(w, "a4"), pdfOf(w, "letter")]));

    expect(fake.state.launches, "browsers launched").toBe(1);
    expect(fake.state.maxOpen, "contexts open at once").toBe(2);
    const printed = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    // 2 printing and 8 waiting when the rest arrive.
    expect(printed).toHaveLength(10);
    expect(refused).toHaveLength(10);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(503);
      expect((error as AppError).retryAfterSeconds).toBeGreaterThan(0);
    }
    // Every print had a context of its own without JavaScript or network, closed afterwards.
    expect(fake.state.contextOptions).toHaveLength(10);
    for (const options of fake.state.contextOptions) expect(options).toEqual({ javaScriptEnabled: false, offline: true });
    expect(fake.state.open).toBe(0);
    expect(fake.state.browsers[0]!.isConnected()).toBe(true);
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

  it("a browser that crashed is launched again for the next PDF; a print it took down is a 503", async () => {
    fake.state.hold = new Promise(() => {});
    const inFlight = pdfOf("2024-W12");
    await vi.waitFor(() => expect(fake.state.open).toBe(1));
    fake.state.browsers[0]!.crash();
    const error = await inFlight.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).retryAfterSeconds).toBeGreaterThan(0);

    fake.state.hold = null;
    const next = await pdfOf("2024-W12");
    expect((next.body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
    expect(fake.state.launches).toBe(2);
  });
});

describe("the printer's browser", () => {
  const printer = (options: { idleCloseMs?: number; printTimeoutMs?: number }) =>
    new PdfPrinter({ launch: fake.launch as () => Promise<PdfBrowser>, concurrency: 2, maxQueue: 8, ...options });
  const page = { paper: "a4" as const, footer: "" };

  it("is closed when idle and launched again for the next PDF", async () => {
    const p = printer({ idleCloseMs: 20 });
    await p.print("<p>1</p>", page);
    expect(fake.state.browsers[0]!.isConnected()).toBe(true);
    await vi.waitFor(() => expect(fake.state.browsers[0]!.isConnected()).toBe(false));
    await p.print("<p>2</p>", page);
    expect(fake.state.launches).toBe(2);
    await p.close();
  });

  it("closes a print that hangs past its timeout and refuses it with 503; the slot is free again", async () => {
    const p = printer({ printTimeoutMs: 30 });
    fake.state.hold = new Promise(() => {});
    const error = await p.print("<p>1</p>", page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect(fake.state.open).toBe(0);
    fake.state.hold = null;
    expect((await p.print("<p>2</p>", page)).subarray(0, 5).toString()).toBe("%PDF-");
    expect(fake.state.launches).toBe(1);
    await p.close();
  });

  it("closePdfPrinter closes the shared browser (the CLI could not exit otherwise)", async () => {
    await pdfOf("2024-W16");
    expect(fake.state.browsers[0]!.isConnected()).toBe(true);
    await closePdfPrinter();
    expect(fake.state.browsers[0]!.isConnected()).toBe(false);
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
    expect(fake.state.prints).toBe(1);

    expect((await pdfOf("2024-W13", "letter")).cache).toBe("miss");
    expect(fake.state.prints).toBe(2);

    await importBundle(db, smallBundle("pdf-cache-write"), { actor: null });
    const after = await pdfOf("2024-W13");
    expect(after.cache).toBe("miss");
    expect(fake.state.prints).toBe(3);
  });

  it("shares one print between parallel requests for the same file", async () => {
    const all = await Promise.all(Array.from({ length: 12 }, () => pdfOf("2024-W14")));
    expect(fake.state.prints).toBe(1);
    expect(all.every((f) => (f.body as Buffer).equals(all[0]!.body as Buffer))).toBe(true);
  });

  it("does not keep a failure", async () => {
    fake.state.hold = new Promise(() => {});
    const inFlight = pdfOf("2024-W15");
    await vi.waitFor(() => expect(fake.state.open).toBe(1));
    fake.state.browsers[0]!.crash();
    await expect(inFlight).rejects.toBeInstanceOf(AppError);
    fake.state.hold = null;
    expect((await pdfOf("2024-W15")).cache).toBe("miss");
  });
});
