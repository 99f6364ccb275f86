/**
 * The critical-path schedule over HTTP: GET …/schedule and …/schedule.csv agree with readiness's
 * critical path, say which promised dates are impossible and whether asOf lies past the evidence
 * horizon, refuse bad input as problem+json, and a write moves the dates at once. Each test imports its own program; the demo is only read.
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { call } from "../support/api-client";
import { smallBundle } from "../support/small-bundle";

const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;

async function json(res: APIResponse, status: number) {
  const text = await res.text();
  expect(res.status(), `${res.url()} → ${text.slice(0, 500)}`).toBe(status);
  return JSON.parse(text);
}

interface Row {
  key: string;
  state: string;
  earliestStart: string | null;
  earliestFinish: string | null;
  slackWeeks: number | null;
  target: string | null;
  limitedBy: { key: string | null; date: string } | null;
  critical: boolean;
}

test("the demo's schedule ends where readiness's critical path ends, and names impossible promises", async ({ request }) => {
  const at = "asOf=2024-12-31";
  const schedule = await json(await call(request, "viewer", "GET", `/api/programs/boost-offload/schedule?${at}`), 200);
  const readiness = await json(await call(request, "viewer", "GET", `/api/programs/boost-offload/readiness?${at}`), 200);
  expect(schedule.finish).toBe(readiness.earliestByDependencies);
  expect(schedule.criticalPath).toEqual(readiness.criticalPath.keys);
  expect(schedule.items).toHaveLength(readiness.total);
  const rows = schedule.items as Row[];
  expect(rows.filter((r) => r.critical).map((r) => r.key).sort()).toEqual([...readiness.criticalPath.keys].sort());
  const impossible = rows.filter((r) => r.state === "impossible");
  expect(impossible.length).toBeGreaterThan(0);
  for (const r of impossible) expect(r.slackWeeks!).toBeLessThan(0);
  // An own target before the earliest finish is impossible, always.
  for (const r of rows) if (r.target && r.earliestFinish && r.earliestFinish > r.target) expect(r.state).toBe("impossible");
  expect(schedule).toMatchObject({ asOf: "2024-12-31", factsUntil: "2024-12-31", illustrative: false });
});

test("a program's schedule: dates from asOf, a broken own target, the CSV, and a write moves them", async ({ request }) => {
  const slug = `schedule-${run}`;
  const bundle = smallBundle(slug);
  // A (2 w) ← B (2 w) ← C (2 w): C can finish 6 weeks after asOf; its own target is 4 weeks after.
  bundle.items[2] = { ...bundle.items[2]!, targetDate: "2025-01-29" } as (typeof bundle.items)[number];
  await json(await call(request, "admin", "POST", "/api/programs/import", bundle), 201);

  const s = await json(await call(request, "viewer", "GET", `/api/programs/${slug}/schedule?asOf=2025-01-01`), 200);
  const by = new Map((s.items as Row[]).map((r) => [r.key, r]));
  expect(by.get("A")).toMatchObject({ earliestStart: "2025-01-01", earliestFinish: "2025-01-15", state: "impossible" });
  expect(by.get("C")).toMatchObject({ earliestStart: "2025-01-29", earliestFinish: "2025-02-12", target: "2025-01-29", state: "impossible", slackWeeks: -2, limitedBy: { key: "C", date: "2025-01-29" } });
  // D is bound only by the program's committed target, far away.
  expect(by.get("D")).toMatchObject({ state: "on_track", limitedBy: { key: null, date: "2025-06-30" } });
  expect(s).toMatchObject({ finish: "2025-02-12", target: "2025-06-30", targetState: "on_track", criticalPath: ["A", "B", "C"] });

  const csvRes = await call(request, "viewer", "GET", `/api/programs/${slug}/schedule.csv?asOf=2025-01-01`);
  expect(csvRes.status()).toBe(200);
  expect(csvRes.headers()["content-type"]).toContain("text/csv");
  const lines = (await csvRes.text()).trim().split("\r\n");
  expect(lines[0]).toBe("key,title,area,owner,trueStatus,estimateWeeks,dependsOn,earliestStart,earliestFinish,latestFinish,slackWeeks,target,state,limitedBy,critical,doneAt,illustrative");
  expect(lines.find((l) => l.startsWith("C,"))).toContain(",2025-01-29,2025-02-12,");
  expect(lines.find((l) => l.startsWith("C,"))).toContain(",impossible,C 2025-01-29,true,");
  // No evidence horizon: nothing is illustrative.
  for (const l of lines.slice(1)) expect(l.endsWith(",false")).toBe(true);

  // A later target for C (a write) is seen by the next read: two weeks to spare, on track; then a
  // shorter estimate for A moves B's and C's dates.
  const item = await json(await call(request, "viewer", "GET", `/api/programs/${slug}/items/C`), 200);
  await json(await call(request, "admin", "PATCH", `/api/programs/${slug}/items/C`, { targetDate: "2025-02-26", version: item.version }), 200);
  const after = await json(await call(request, "viewer", "GET", `/api/programs/${slug}/schedule?asOf=2025-01-01`), 200);
  expect((after.items as Row[]).find((r) => r.key === "C")).toMatchObject({ earliestFinish: "2025-02-12", state: "on_track", slackWeeks: 2 });
  const a = await json(await call(request, "viewer", "GET", `/api/programs/${slug}/items/A`), 200);
  await json(await call(request, "admin", "PATCH", `/api/programs/${slug}/items/A`, { estimateWeeks: 1, version: a.version }), 200);
  const shorter = await json(await call(request, "viewer", "GET", `/api/programs/${slug}/schedule?asOf=2025-01-01`), 200);
  expect((shorter.items as Row[]).find((r) => r.key === "C")).toMatchObject({ earliestStart: "2025-01-22", earliestFinish: "2025-02-05", slackWeeks: 3 });
});

test("past the evidence horizon the schedule says illustrative in its JSON and on every CSV row; at it, not", async ({ request }) => {
  const past = await json(await call(request, "viewer", "GET", "/api/programs/boost-offload/schedule?asOf=2025-03-01"), 200);
  expect(past).toMatchObject({ asOf: "2025-03-01", factsUntil: "2024-12-31", illustrative: true });
  expect(past.items.length).toBeGreaterThan(0);
  const csv = async (at: string) => (await (await call(request, "viewer", "GET", `/api/programs/boost-offload/schedule.csv?asOf=${at}`)).text()).trim().split("\r\n");
  const [header, ...rows] = await csv("2025-03-01");
  expect(header!.endsWith(",illustrative")).toBe(true);
  expect(rows).toHaveLength(past.items.length);
  for (const r of rows) expect(r.endsWith(",true")).toBe(true);
  for (const r of (await csv("2024-12-31")).slice(1)) expect(r.endsWith(",false")).toBe(true);
});

test("the memoised schedule follows a change of the evidence horizon at once", async ({ request }) => {
  const slug = `schedule-horizon-${run}`;
  await json(await call(request, "admin", "POST", "/api/programs/import", smallBundle(slug)), 201);
  const at = `/api/programs/${slug}/schedule?asOf=2025-01-01`;
  const before = await json(await call(request, "viewer", "GET", at), 200);
  expect(before).toMatchObject({ factsUntil: null, illustrative: false });
  // Read twice: the second answer comes from the memoised bytes the PATCH must replace.
  expect(await json(await call(request, "viewer", "GET", at), 200)).toEqual(before);
  await json(await call(request, "admin", "PATCH", `/api/programs/${slug}`, { factsUntil: "2024-12-31", version: 1 }), 200);
  const after = await json(await call(request, "viewer", "GET", at), 200);
  expect(after).toEqual({ ...before, factsUntil: "2024-12-31", illustrative: true });
  expect(await json(await call(request, "viewer", "GET", `/api/programs/${slug}/schedule?asOf=2024-12-31`), 200)).toMatchObject({ illustrative: false });
});

test("the schedule refuses a malformed date and an unknown program as problems, and strangers", async ({ request }) => {
  const bad = await call(request, "viewer", "GET", "/api/programs/boost-offload/schedule?asOf=31-12-2024");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");
  expect((await bad.json()).errors?.[0]?.path).toBe("asOf");
  const unknown = await call(request, "viewer", "GET", "/api/programs/no-such-program/schedule.csv");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toContain("application/problem+json");
  expect((await call(request, "anonymous", "GET", "/api/programs/boost-offload/schedule")).status()).toBe(401);
});

test("OpenAPI documents the schedule and its CSV", async ({ request }) => {
  const doc = await json(await call(request, "anonymous", "GET", "/api/openapi.json"), 200);
  expect(doc.paths["/api/programs/{slug}/schedule"]?.get).toBeTruthy();
  expect(doc.paths["/api/programs/{slug}/schedule.csv"]?.get?.responses?.["200"]?.content?.["text/csv"]).toBeTruthy();
  expect(JSON.stringify(doc.paths["/api/programs/{slug}/schedule"].get)).toContain("illustrative");
  expect(doc.paths["/api/programs/{slug}/schedule.csv"].get.summary).toContain("illustrative");
});
