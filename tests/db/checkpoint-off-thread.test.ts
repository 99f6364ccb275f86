/** The server's SQLite checkpoints run in a worker thread, not in the commit that answers a request. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkpointOffThread, type Checkpointer } from "@/db/checkpoint-off-thread";
import { openDatabase, type Db } from "@/db/index";

const started: Checkpointer[] = [];
afterEach(async () => {
  for (const c of started.splice(0)) await c.stop();
});

async function fileDb(): Promise<{ db: Db; file: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "checkpoint-")), "t.db");
  return { db: await openDatabase(file), file };
}

/** About `pages` pages of the write-ahead log, in separate commits as requests make them. */
function write(db: Db, pages: number): void {
  db.$client.exec("CREATE TABLE IF NOT EXISTS filler (x TEXT)");
  const insert = db.$client.prepare("INSERT INTO filler VALUES (?)");
  for (let i = 0; i < pages; i++) insert.run("x".repeat(3500));
}

const setting = (db: Db) => db.$client.pragma("wal_autocheckpoint", { simple: true });
// Pages in the log's file. A commit that starts the log over keeps the file's size, so this counts
// pages only while the log grows.
const walPages = (file: string) => Math.floor((fs.statSync(`${file}-wal`).size - 32) / (4096 + 24));

describe("checkpoints off the request thread", () => {
  it("the connection stops checkpointing and the worker copies the whole log, unseen as another connection's change", async () => {
    const { db, file } = await fileDb();
    expect(setting(db)).toBe(1000);
    const checkpointer = checkpointOffThread(db.$client, 3_600_000);
    started.push(checkpointer);
    expect(setting(db)).toBe(0);

    write(db, 2500);
    // With SQLite's default the commit past 1,000 pages would have copied them and the log restarted.
    expect(walPages(file)).toBeGreaterThan(2500);
    const version = db.$client.pragma("data_version", { simple: true });
    const result = await checkpointer.now();
    expect(result.busy).toBe(0);
    expect(result.log).toBeGreaterThan(2500);
    expect(result.checkpointed).toBe(result.log);
    // The tamper check starts on data_version; a checkpoint changes no data and must not start it.
    expect(db.$client.pragma("data_version", { simple: true })).toBe(version);

    // The next commit writes the log from its start again: it stays as large as between checkpoints.
    write(db, 10);
    expect((await checkpointer.now()).log).toBeLessThan(100);
    expect(db.$client.prepare("SELECT count(*) AS n FROM filler").get()).toEqual({ n: 2510 });
  });

  it("is one worker per connection, however many times it is asked for", async () => {
    const { db } = await fileDb();
    const checkpointer = checkpointOffThread(db.$client, 3_600_000);
    started.push(checkpointer);
    expect(checkpointOffThread(db.$client, 3_600_000)).toBe(checkpointer);
  });

  it("checkpoints on its own every interval", async () => {
    const { db, file } = await fileDb();
    started.push(checkpointOffThread(db.$client, 50));
    write(db, 1500);
    expect(walPages(file)).toBeGreaterThan(1500);
    // The pages reach the database file itself only through a checkpoint; nobody here asks for one.
    const before = fs.statSync(file).size;
    expect(before).toBeLessThan(1500 * 4096);
    await expect.poll(() => fs.statSync(file).size, { timeout: 15_000, interval: 100 }).toBeGreaterThan(1500 * 4096);
  });

  it("gives checkpoints back to the connection when the worker stops or cannot start", async () => {
    const { db } = await fileDb();
    const checkpointer = checkpointOffThread(db.$client, 3_600_000);
    await checkpointer.stop();
    expect(setting(db)).toBe(1000);
    await expect(checkpointer.now()).rejects.toThrow(/stopped/);

    // A worker that cannot open the file (moved away under the open connection) fails at once.
    const other = await fileDb();
    fs.renameSync(other.file, `${other.file}.moved`);
    const failing = checkpointOffThread(other.db.$client, 3_600_000);
    expect(setting(other.db)).toBe(0);
    await expect.poll(() => setting(other.db), { timeout: 10_000 }).toBe(1000);
    await expect(failing.now()).rejects.toThrow(/stopped|worker/);
  });
});
