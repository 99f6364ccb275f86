/**
 * A starting server computes the programs' default views before it answers, within
 * TRACKER_WARM_SECONDS; 0 turns that off, and a value that is not a number stops the start.
 */
import { expect, test } from "@playwright/test";
import { ownPort, OwnServer } from "../support/own-server";

const PORT = ownPort(3139);

test("by default the server says how many programs it computed before answering", async () => {
  test.setTimeout(120_000);
  const server = await OwnServer.start({ port: PORT });
  try {
    expect(server.output).toMatch(/tracker: 1 programs computed in \d+\.\d s\n/);
    expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
  } finally {
    await server.dispose();
  }
});

test("TRACKER_WARM_SECONDS=0 skips the warm-up; a value that is not a number stops the start in one line", async () => {
  test.setTimeout(120_000);
  const off = await OwnServer.start({ port: PORT, env: { TRACKER_WARM_SECONDS: "0" } });
  try {
    expect(off.output).not.toContain("programs computed");
    expect((await fetch(`${off.baseURL}/api/health`)).status).toBe(200);
  } finally {
    await off.dispose();
  }
  const bad = await OwnServer.start({ port: PORT, env: { TRACKER_WARM_SECONDS: "soon" } }).catch((e: Error) => e);
  expect(bad).toBeInstanceOf(Error);
  expect(String(bad)).toContain('tracker: cannot start: TRACKER_WARM_SECONDS must be a number of seconds, 0 or more, not "soon"');
});

test("a DATABASE_URL the tracker cannot open stops the start in one line, its password not shown", async () => {
  test.setTimeout(120_000);
  for (const [url, line] of [
    ["mysql://tracker:secret@db/tracker", 'tracker: cannot start: DATABASE_URL "mysql://tracker:***@db/tracker" names no database the tracker runs on'],
    ["postgres://tracker:secret@127.0.0.1:9/tracker", "tracker: cannot start: cannot open the PostgreSQL database postgres://tracker:***@127.0.0.1:9/tracker: connect ECONNREFUSED 127.0.0.1:9"],
  ]) {
    const refused = await OwnServer.start({ port: PORT, env: { DATABASE_URL: url } }).catch((e: Error) => e);
    expect(refused, url).toBeInstanceOf(Error);
    expect(String(refused)).toContain(line);
    expect(String(refused)).not.toContain("secret");
  }
});
