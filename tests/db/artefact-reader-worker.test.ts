/**
 * Artefacts are read in a worker thread (db/read-artefacts-in-worker.ts), so a 10 MiB lockfile or
 * XML report does not hold every other request: the worker answers exactly as the reader on the
 * request thread does, a reader's refusal arrives as the same AppError, the request thread keeps
 * running meanwhile, concurrent readings each get their own answer, and a crashed worker fails its
 * readings in words and is replaced by the next reading.
 */
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it, vi } from "vitest";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { ingestArtefacts } from "@/db/mutations/ingest-artefacts";
import { findProgramArtefact } from "@/db/queries/find-program-artefact";
import { ArtefactReaderWorker, READ_IN_PLACE_MAX_CHARS, type FileToRead } from "@/db/read-artefacts-in-worker";
import { DEMO_ARTEFACTS_DIR } from "@/db/seed/ingest-demo-artefacts";
import { DEMO_COMPONENTS } from "@/db/seed/demo-components";
import { workerFromSource } from "@/db/worker-from-source";
import type { ArtefactKind, ItemComponents } from "@/lib/artefacts/artefact-types";
import { readArtefacts } from "@/lib/artefacts/read-artefacts";
import { AppError } from "@/lib/errors";
import { refusal, rejection } from "../support/refusal";

// The real artefacts of /work/shared/fixtures/real, as committed beside the tests.
const REAL = "tests/fixtures/real";
const real = (file: string) => fs.readFileSync(path.join(REAL, file), "utf8");
const demo = (file: string) => fs.readFileSync(path.join(DEMO_ARTEFACTS_DIR, file), "utf8");
const MEASURED = Date.UTC(2026, 10, 16);

const ITEMS: ItemComponents[] = [
  ...Object.entries(DEMO_COMPONENTS).map(([key, components]) => ({ key, components })),
  { key: "WASM-01", components: ["wasmtime", "wasmtime-cranelift", "cranelift-codegen", "crates/cranelift/**"] },
  { key: "NET-99", components: ["vm/devices/net/**"] },
  { key: "STO-99", components: ["vm/devices/storage/**"] },
];

// The ingestion tests' report: net 3 of 4 lines hit, storage 1 of 3; tools/ matches no item.
const LCOV = [
  "SF:vm/devices/net/mana.rs", "DA:1,1", "DA:2,0", "DA:3,5", "DA:4,1", "end_of_record",
  "SF:vm/devices/storage/nvme.rs", "DA:1,1", "DA:2,0", "DA:3,0", "end_of_record",
  "SF:tools/gen.rs", "DA:1,1", "end_of_record",
].join("\n");

/** A Cobertura report of `files` source files under vm/devices/net/, `lines` lines each. */
function cobertura(files: number, lines = 40): string {
  const parts = ['<?xml version="1.0" ?>\n<coverage line-rate="0.5" version="1.9">\n<packages><package name="net"><classes>\n'];
  for (let f = 0; f < files; f++) {
    let cls = `<class name="c${f}" filename="vm/devices/net/net_backend/f${f}.rs"><lines>`;
    for (let l = 1; l <= lines; l++) cls += `<line number="${l}" hits="${(f + l) % 3}"/>`;
    parts.push(`${cls}</lines></class>\n`);
  }
  parts.push("</classes></package></packages>\n</coverage>\n");
  return parts.join("");
}

/** The file as an ingestion holds it: with its UTF-8 bytes, which the worker borrows. */
const withBytes = (name: string, text: string): FileToRead => ({ name, text, bytes: Buffer.from(text, "utf8") });

const readers: ArtefactReaderWorker[] = [];
const newReader = (...args: ConstructorParameters<typeof ArtefactReaderWorker>) => {
  const reader = new ArtefactReaderWorker(...args);
  readers.push(reader);
  return reader;
};
const reader = newReader(60_000);
afterAll(() => readers.forEach((r) => r.stop()));

/** What the reader on this thread throws, or answers. */
function inThread(kind: ArtefactKind, files: readonly FileToRead[], items = ITEMS, measuredAt = MEASURED) {
  try {
    return { reading: readArtefacts(kind, files, items, measuredAt) };
  } catch (error) {
    return { error };
  }
}

describe("a reading in the worker", () => {
  const cases: [string, ArtefactKind, () => FileToRead[]][] = [
    ["the ingestion tests' LCOV", "coverage", () => [withBytes("lcov.info", LCOV)]],
    ["the demo's LCOV (527 KB)", "coverage", () => [withBytes("lcov.info", demo("lcov.info"))]],
    ["a Cobertura report", "coverage", () => [withBytes("coverage.xml", cobertura(50))]],
    ["OpenVMM's Cargo.lock", "cargo", () => [withBytes("Cargo.lock", real("openvmm/Cargo.lock"))]],
    [
      "Wasmtime's Cargo.lock with its cargo-vet files",
      "cargo",
      () => [
        withBytes("Cargo.lock", real("wasmtime/Cargo.lock")),
        withBytes("supply-chain/config.toml", real("wasmtime/supply-chain/config.toml")),
        withBytes("supply-chain/audits.toml", real("wasmtime/supply-chain/audits.toml")),
        withBytes("supply-chain/imports.lock", real("wasmtime/supply-chain/imports.lock")),
      ],
    ],
    ["the demo's crash buckets", "crashes", () => [withBytes("crash-buckets.csv", demo("crash-buckets.csv"))]],
    ["a text without its bytes", "coverage", () => [{ name: "lcov.info", text: LCOV }]],
  ];

  it.each(cases)("answers as the reader on the request thread does: %s", async (_, kind, files) => {
    const expected = inThread(kind, files());
    expect(expected.reading?.figures.length).toBeGreaterThan(0);
    const sent = files();
    const { reading, files: back } = await reader.read(kind, sent, ITEMS, MEASURED);
    expect(reading).toEqual(expected.reading);
    // The bytes lent to the worker came back whole, for the caller to store.
    expect(back.map((f) => f.bytes?.toString("utf8") ?? null)).toEqual(files().map((f) => (f.bytes ? f.text : null)));
  });

  it("reads a text with a byte order mark, or a lone surrogate, as the request thread does", async () => {
    for (const text of [`\ufeff${LCOV}`, LCOV.replace("tools/gen.rs", "tools/g\ud800n.rs")]) {
      const expected = inThread("coverage", [{ name: "lcov.info", text }]);
      const { reading } = await reader.read("coverage", [withBytes("lcov.info", text)], ITEMS, MEASURED);
      expect(reading).toEqual(expected.reading);
    }
  });

  it("refuses a malformed file with the reader's own AppError: its code, message, path and status", async () => {
    const malformed = "SF:a.rs\nDA:1,1\nDA:x,1\nend_of_record\n";
    const expected = inThread("coverage", [{ name: "lcov.info", text: malformed }]).error as AppError;
    expect(expected).toBeInstanceOf(AppError);
    const e = await rejection(reader.read("coverage", [withBytes("lcov.info", malformed)], ITEMS, MEASURED));
    expect(e.message).toMatch(/cannot be read at line 3/);
    expect(e.errors).toEqual([{ path: "line 3", message: expect.stringContaining("DA:x,1") }]);
    expect({ code: e.code, status: e.status, message: e.message, errors: e.errors, words: e.words, extensions: e.extensions, retry: e.retryAfterSeconds }).toEqual({
      code: expected.code,
      status: expected.status,
      message: expected.message,
      errors: expected.errors,
      words: expected.words,
      extensions: expected.extensions,
      retry: expected.retryAfterSeconds,
    });
    // readArtefacts' own refusals too (and the worker is still there for the next reading).
    const two = await rejection(reader.read("coverage", [withBytes("a.info", LCOV), withBytes("b.info", LCOV)], ITEMS, MEASURED));
    expect([two.code, two.message]).toEqual(["invalid", "send one coverage report at a time"]);
    expect((await reader.read("coverage", [withBytes("lcov.info", LCOV)], ITEMS, MEASURED)).reading.figures.length).toBeGreaterThan(0);
  });

  it("turns any other error into a plain Error (a server error), with the reader's message", async () => {
    const broken = [{ key: "X-01", components: null as unknown as string[] }];
    const expected = inThread("coverage", [{ name: "lcov.info", text: LCOV }], broken).error as Error;
    expect(expected).not.toBeInstanceOf(AppError);
    const e = await reader.read("coverage", [withBytes("lcov.info", LCOV)], broken, MEASURED).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(AppError);
    expect((e as Error).message).toBe(expected.message);
  });

  it("leaves the request thread free: timers fire while a multi-MiB Cobertura report is read", async () => {
    const xml = cobertura(3_000, 60);
    expect(xml.length).toBeGreaterThan(4 * 1024 * 1024);
    await reader.read("coverage", [withBytes("lcov.info", LCOV)], ITEMS, MEASURED); // the worker is up
    const files = [withBytes("coverage.xml", xml)]; // encoded before the clock starts: that is the caller's work
    const started = performance.now();
    const reading = reader.read("coverage", files, ITEMS, MEASURED);
    let done = false;
    void reading.then(
      () => (done = true),
      () => (done = true),
    );
    // Probes while it reads: how long a setTimeout(0), then a setImmediate, waits for the thread.
    const waits: { timeout: number[]; immediate: number[] } = { timeout: [], immediate: [] };
    while (!done) {
      let asked = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 0));
      waits.timeout.push(performance.now() - asked);
      asked = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      waits.immediate.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const took = performance.now() - started;
    expect((await reading).reading.figures.find((f) => f.key === "NET-99")?.detail).toMatch(/in 3,000 files/);
    // On the request thread this reading held it for its whole time (seconds here): one probe, waiting it all.
    expect(took).toBeGreaterThan(300);
    expect(waits.timeout.length).toBeGreaterThan(10);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(waits.timeout)).toBeLessThan(50);
    expect(median(waits.immediate)).toBeLessThan(50);
  });

  it("gives each of several concurrent readings its own answer", async () => {
    const asks: [ArtefactKind, FileToRead[]][] = [
      ["coverage", [withBytes("coverage.xml", cobertura(400))]],
      ["coverage", [withBytes("lcov.info", LCOV)]],
      ["coverage", [withBytes("lcov.info", "SF:a.rs\nDA:1,1\nDA:x,1\nend_of_record\n")]],
      ["cargo", [withBytes("Cargo.lock", real("openvmm/Cargo.lock"))]],
      ["coverage", [withBytes("lcov.info", LCOV.replace("DA:2,0", "DA:2,7"))]],
      ["crashes", [withBytes("crash-buckets.csv", demo("crash-buckets.csv"))]],
      ["cargo", [withBytes("Cargo.lock", real("wasmtime/Cargo.lock"))]],
    ];
    const expected = asks.map(([kind, files]) => inThread(kind, files));
    const answers = await Promise.allSettled(asks.map(([kind, files]) => reader.read(kind, files, ITEMS, MEASURED)));
    answers.forEach((answer, i) => {
      if (answer.status === "fulfilled") expect(answer.value.reading, `reading ${i}`).toEqual(expected[i]!.reading);
      else expect((answer.reason as AppError).message, `reading ${i}`).toBe((expected[i]!.error as AppError).message);
    });
    expect(answers.map((a) => a.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
  });
});

describe("the reader's worker thread", () => {
  it("stops when idle, and the next reading starts a new one", async () => {
    const idle = newReader(100);
    expect((await idle.read("coverage", [withBytes("lcov.info", LCOV)], ITEMS, MEASURED)).reading.figures).toHaveLength(2);
    expect(idle.alive).toBe(true);
    await vi.waitFor(() => expect(idle.alive).toBe(false), { timeout: 5_000 });
    expect((await idle.read("coverage", [withBytes("lcov.info", LCOV)], ITEMS, MEASURED)).reading.figures).toHaveLength(2);
  });

  it("fails the readings it held when it crashes, in words, and the next reading starts a new worker", async () => {
    const spawned: Worker[] = [];
    // The first worker dies on its first message; the next is the real reader.
    const crashing = newReader(60_000, () => {
      const worker =
        spawned.length === 0
          ? new Worker(`require("node:worker_threads").parentPort.on("message", () => { throw new Error("the reader fell over"); });`, { eval: true })
          : workerFromSource("artefact-reader-worker.ts", null);
      spawned.push(worker);
      return worker;
    });
    const held = await Promise.allSettled([1, 2, 3].map(() => crashing.read("coverage", [withBytes("lcov.info", LCOV)], ITEMS, MEASURED)));
    expect(held.map((h) => h.status)).toEqual(["rejected", "rejected", "rejected"]);
    for (const h of held) {
      const reason = (h as PromiseRejectedResult).reason as Error;
      expect(reason).not.toBeInstanceOf(AppError);
      expect(reason.message).toMatch(/the artefact reader's worker thread failed \(the reader fell over\); the reading was not finished/);
    }
    expect(crashing.alive).toBe(false);
    expect((await crashing.read("coverage", [withBytes("lcov.info", LCOV)], ITEMS, MEASURED)).reading.figures).toHaveLength(2);
    expect(spawned).toHaveLength(2);
  });

  it("fails a reading whose worker is stopped under it, and reads the next one", async () => {
    let current: Worker | null = null;
    const stopped = newReader(60_000, () => (current = workerFromSource("artefact-reader-worker.ts", null)));
    await stopped.read("coverage", [withBytes("lcov.info", LCOV)], ITEMS, MEASURED);
    const long = stopped.read("coverage", [withBytes("coverage.xml", cobertura(2_000))], ITEMS, MEASURED);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await current!.terminate();
    expect(((await long.catch((error: unknown) => error)) as Error).message).toMatch(/the artefact reader's worker thread stopped \(exit code 1\); the reading was not finished/);
    expect((await stopped.read("coverage", [withBytes("lcov.info", LCOV)], ITEMS, MEASURED)).reading.figures).toHaveLength(2);
  });
});

describe("ingesting through the worker", () => {
  const SLUG = "worker";
  const T0 = Date.UTC(2026, 10, 2, 10);
  const actor = { id: null, label: "test" };
  // Above READ_IN_PLACE_MAX_CHARS: these go to the worker.
  const BIG_LCOV = Array.from({ length: 400 }, (_, i) => [`SF:vm/devices/net/net_backend/f${i}.rs`, "DA:1,1", "DA:2,0", "DA:3,5", "end_of_record"].join("\n")).join("\n");

  async function setUp(): Promise<Db> {
    const db = await openDatabase(":memory:");
    await importBundle(
      db,
      {
        format: "offload-tracker/v1",
        program: { slug: SLUG, name: "Worker" },
        people: [{ email: "ann@example.com", name: "Ann", team: "Core" }],
        items: [{ key: "NET-01", title: "Networking", area: "Net", owner: "ann@example.com", estimateWeeks: 2, identifiedAt: "2026-01-01", components: ["vm/devices/net/**"] }],
      },
      { actor: null },
    );
    return db;
  }
  const ingest = async (db: Db, content: string, dryRun: boolean) =>
    await ingestArtefacts(db, { slug: SLUG, kind: "coverage", input: { files: [{ name: "lcov.info", content }], measuredAt: "2026-11-01" }, actor, dryRun, now: T0 });

  it("records the figures and stores the file's bytes the worker borrowed", async () => {
    expect(BIG_LCOV.length).toBeGreaterThan(READ_IN_PLACE_MAX_CHARS);
    const db = await setUp();
    const dry = await ingest(db, BIG_LCOV, true);
    const a = await ingest(db, BIG_LCOV, false);
    expect(a.figures).toEqual(dry.figures);
    expect(a.figures.map((f) => [f.item, f.value, f.detail])).toEqual([["NET-01", 66.6, "800 of 1,200 lines hit in 400 files"]]);
    expect(a.files[0]!.size).toBe(Buffer.byteLength(BIG_LCOV));
    expect(Buffer.from((await findProgramArtefact(db, SLUG, a.files[0]!.sha256)).bytes).toString("utf8")).toBe(BIG_LCOV);
  });

  it("refuses a large malformed file as before, naming its line", async () => {
    const db = await setUp();
    const e = await refusal(async () => await ingest(db, `SF:a.rs\nDA:1,1\nDA:x,1\nend_of_record\n${BIG_LCOV}`, false));
    expect([e.code, e.status]).toEqual(["invalid", 400]);
    expect(e.message).toMatch(/cannot be read at line 3/);
    expect(e.errors).toEqual([{ path: "line 3", message: expect.stringContaining("DA:x,1") }]);
  });
});
