/**
 * DESIGN §3–§7 and §10 over HTTP: generated bundles are imported and every number the API gives
 * (items, readiness, claims) is compared, at many (asOf, knownAt), with the independent model of
 * tests/support/model.ts. Plus validation, gates, cycles, optimistic concurrency and the demo program.
 * Every test imports its own program; the demo program is only read.
 */
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { smallBundle } from "../support/small-bundle";
import { TEST_ACCOUNTS } from "../support/test-accounts";
import { authHeaders, call } from "../support/api-client";
import {
  DAY,
  generateBundle,
  instant,
  interestingPoints,
  LADDER,
  level,
  Model,
  query,
  ymd,
  type Bundle,
  type Evidence,
  type Point,
  type Status,
} from "../support/model";

const SEEDS = [1, 7, 42, 1234, 2024, 99_991];
const NO_FORECAST = "no verified completion in the last 12 weeks: at this rate the program does not finish";
const PROBLEM = "application/problem+json";

const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
let counter = 0;
const uniqueSlug = (what: string) => `rules-${what}-${run}-${++counter}`;

async function json(res: APIResponse, status: number, label = "") {
  const text = await res.text();
  expect(res.status(), `${label} ${res.url()} → ${text.slice(0, 500)}`).toBe(status);
  return JSON.parse(text);
}

const get = async (request: APIRequestContext, path: string) => json(await call(request, "viewer", "GET", path), 200);

async function importBundle(request: APIRequestContext, bundle: unknown) {
  const body = await json(await call(request, "admin", "POST", "/api/programs/import", bundle), 201, "import");
  return body;
}

async function importGenerated(request: APIRequestContext, seed: number) {
  const slug = uniqueSlug(`s${seed}`);
  const bundle = generateBundle(seed, slug);
  const body = await importBundle(request, bundle);
  expect(body.program).toBe(slug);
  return { slug, bundle, model: new Model(bundle) };
}

async function importSmall(request: APIRequestContext) {
  const slug = uniqueSlug("small");
  await importBundle(request, smallBundle(slug));
  return slug;
}

/** What "nothing was written" can see from outside: the program bundle and the head of the log. */
async function snapshot(request: APIRequestContext, slug: string) {
  // The bundle and the whole log (account events included) are an admin's to read.
  const bundle = await (await call(request, "admin", "GET", `/api/programs/${slug}/bundle`)).text();
  const log = await json(await call(request, "admin", "GET", "/api/audit/log?limit=1"), 200);
  const own = await json(await call(request, "admin", "GET", `/api/audit/log?program=${slug}&limit=1`), 200);
  // workers: 1, so the global head is ours to compare; the program's own head would survive parallel runs.
  return { bundle, seq: log[0]?.seq as number, programSeq: own[0]?.seq as number };
}

function expectProblem(res: APIResponse, body: { status: number }, status: number) {
  expect(res.status()).toBe(status);
  expect(res.headers()["content-type"]).toContain(PROBLEM);
  expect(body.status).toBe(status);
}

type ApiItem = { key: string; trueStatus: Status; reportedStatus: Status; blocked: boolean; inflated: boolean };
const describePoint = (p: Point) => `asOf=${p.asOf ?? "(now)"} knownAt=${p.knownAt ?? "(now)"}`;

// ---------------------------------------------------------------------------------------------
// 1–3: generated bundles against the model

test("the generator is deterministic and covers the cases DESIGN §3–§7 name", () => {
  expect(JSON.stringify(generateBundle(42, "x"))).toBe(JSON.stringify(generateBundle(42, "x")));
  const all = SEEDS.map((s) => generateBundle(s, `x-${s}`));
  for (const b of all) {
    expect(b.people).toHaveLength(6);
    expect(b.items.length).toBeGreaterThanOrEqual(8);
    expect(b.items.length).toBeLessThanOrEqual(15);
    expect(new Set(b.items.map((i) => i.area)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(b.items.map((i) => i.area)).size).toBeLessThanOrEqual(3);
    expect(new Set(b.items.map((i) => i.key)).size).toBe(b.items.length);
    for (const t of b.transitions) {
      if (!t.verifiedBy) continue;
      const owner = b.items.find((i) => i.key === t.item)!.owner;
      expect(t.verifiedBy).not.toBe(t.by);
      expect(t.verifiedBy).not.toBe(owner);
    }
  }
  const ts = all.flatMap((b) => b.transitions);
  const count = (f: (t: (typeof ts)[number]) => boolean) => ts.filter(f).length;
  expect(all.flatMap((b) => b.items).filter((i) => i.identifiedAt.startsWith("2024-06")).length).toBeGreaterThan(2);
  expect(all.flatMap((b) => b.items).filter((i) => i.owner === null).length).toBeGreaterThan(0);
  expect(count((t) => Boolean(t.recordedAt) && instant(t.recordedAt!, "start") > instant(t.effectiveAt, "start"))).toBeGreaterThan(5);
  expect(count((t) => Boolean(t.verifiedAt) && instant(t.verifiedAt!, "start") - instant(t.recordedAt ?? t.effectiveAt, "start") > 14 * DAY)).toBeGreaterThan(5);
  expect(count((t) => t.note.startsWith("regression"))).toBeGreaterThan(3);
  expect(count((t) => t.to === "done" && Boolean(t.verifiedBy))).toBeGreaterThan(2);
  expect(count((t) => t.to !== "not_started" && !t.verifiedBy)).toBeGreaterThan(5);
  expect(all.flatMap((b) => b.claims).filter((c) => c.links.length > 0).length).toBeGreaterThan(6);
  expect(count((t) => t.effectiveAt.includes("T"))).toBeGreaterThan(3); // effective at a time of day
  expect(all.flatMap((b) => b.items).filter((i) => i.identifiedAt.includes("T")).length).toBeGreaterThan(0);
  // Same effectiveAt twice on one item: ties decided by recordedAt (listed out of that order) and by recording order.
  let outOfOrder = 0;
  let ties = 0;
  for (const b of all)
    for (const item of b.items) {
      const h = b.transitions.filter((t) => t.item === item.key);
      for (let i = 1; i < h.length; i++) {
        if (h[i]!.effectiveAt !== h[i - 1]!.effectiveAt) continue;
        const rec = (t: (typeof h)[number]) => instant(t.recordedAt ?? t.effectiveAt, "start");
        if (rec(h[i]!) < rec(h[i - 1]!)) outOfOrder++;
        else if (rec(h[i]!) === rec(h[i - 1]!)) ties++;
      }
    }
  const identified = (b: Bundle, key: string) => instant(b.items.find((i) => i.key === key)!.identifiedAt, "start");
  expect(all.flatMap((b) => b.transitions.filter((t) => instant(t.effectiveAt, "start") < identified(b, t.item))).length).toBeGreaterThan(2);
  expect(outOfOrder).toBeGreaterThan(2);
  expect(ties).toBeGreaterThan(2);
});

for (const seed of SEEDS) {
  test(`seed ${seed}: items, readiness and claims agree with the model at many (asOf, knownAt)`, async ({ request }) => {
    const { slug, bundle, model } = await importGenerated(request, seed);
    let reproduced = false;
    for (const [n, p] of interestingPoints(bundle, seed).entries()) {
      const label = `seed ${seed} ${describePoint(p)}`;
      const { asOf, knownAt } = Model.resolve(p);
      const expected = model.readiness(asOf, knownAt);

      // Items: exactly the items in the program at asOf, each with its true and reported status.
      const items: ApiItem[] = await get(request, `/api/programs/${slug}/items${query(p)}`);
      const view = (i: ApiItem) => ({ key: i.key, trueStatus: i.trueStatus, reportedStatus: i.reportedStatus, blocked: i.blocked, inflated: i.inflated });
      expect(items.map(view).sort((a, b) => (a.key < b.key ? -1 : 1)), `items ${label}`).toEqual(
        expected.items.map(view).sort((a, b) => (a.key < b.key ? -1 : 1)),
      );

      // Item detail of two items (one may be outside the program at asOf): statuses and visible history.
      for (const key of [bundle.items[(seed + n) % bundle.items.length]!.key, bundle.items.at(-1)!.key]) {
        const detail = await get(request, `/api/programs/${slug}/items/${key}${query(p)}`);
        const s = model.fold(key, asOf, knownAt);
        expect(
          { trueStatus: detail.trueStatus, reportedStatus: detail.reportedStatus, visible: detail.history.filter((h: { visible: boolean }) => h.visible).length },
          `detail ${key} ${label}`,
        ).toEqual({ trueStatus: LADDER[s.true], reportedStatus: LADDER[s.reported], visible: model.visibleCount(key, asOf, knownAt) });
        expect(detail.history).toHaveLength(bundle.transitions.filter((t) => t.item === key).length);
      }

      // Readiness (§5) and the forecast's honest parts (§6).
      const r = await get(request, `/api/programs/${slug}/readiness${query(p)}`);
      expect(r.forecast.earliestByDependencies, label).toBe(r.earliestByDependencies);
      expect(
        {
          asOf: r.asOf,
          knownAt: r.knownAt,
          total: r.total,
          done: r.done,
          byStatus: r.byStatus,
          inflated: [...r.inflated].sort((a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1)),
          blocked: [...r.blocked].sort(),
          unowned: [...r.quality.unowned].sort(),
          remainingWeeks: Math.round(r.criticalPath.remainingWeeks * 1e6) / 1e6,
          earliestByDependencies: r.earliestByDependencies,
          sample: r.forecast.sample,
        },
        `readiness ${label}`,
      ).toEqual({
        asOf: expected.asOf,
        knownAt: ymd(knownAt),
        total: expected.total,
        done: expected.done,
        byStatus: expected.byStatus,
        inflated: expected.inflated,
        blocked: expected.blocked,
        unowned: expected.unowned,
        remainingWeeks: expected.remainingWeeks,
        earliestByDependencies: expected.earliestByDependencies,
        sample: expected.sample,
      });
      if (p.asOf && r.forecast.date && !reproduced) {
        reproduced = true; // once per bundle: 10,000 trials per request
        expect((await get(request, `/api/programs/${slug}/readiness${query(p)}`)).forecast, `${label}: reproducible`).toEqual(r.forecast);
      }
      expect(r.readiness, `readiness ratio ${label}`).toBeCloseTo(expected.readiness, 12);
      expect(r.effortReadiness, `effortReadiness ${label}`).toBeCloseTo(expected.effortReadiness, 12);

      // The critical path is a real chain (first dependency first) weighing remainingWeeks.
      const byKey = new Map(expected.items.map((i) => [i.key, i]));
      const keys: string[] = r.criticalPath.keys;
      keys.forEach((k, n) => {
        expect(byKey.has(k), `${label}: critical path key ${k} is in the program`).toBe(true);
        if (n > 0) expect(byKey.get(k)!.dependsOn, `${label}: ${k} depends on ${keys[n - 1]}`).toContain(keys[n - 1]);
      });
      const weight = keys.reduce((s, k) => s + (byKey.get(k)!.trueStatus === "done" ? 0 : byKey.get(k)!.estimateWeeks), 0);
      expect(weight, `${label}: critical path weight`).toBeCloseTo(expected.remainingWeeks, 9);

      const f = r.forecast;
      if (expected.total - expected.done === 0) {
        expect(f.weeks, label).toEqual({ p50: 0, p85: 0, p95: 0 });
        expect(f.date, label).toBe([expected.weekEnd, expected.earliestByDependencies].sort().at(-1));
      } else if (expected.sample.every((w) => w.done === 0)) {
        expect({ date: f.date, reason: f.reason, p85: f.p85 }, label).toEqual({ date: null, reason: NO_FORECAST, p85: null });
      } else {
        expect(f.date, `${label}: a forecast`).not.toBeNull();
        // n weeks is the Sunday ending the n-th ISO week after asOf's week.
        const sunday = (n: number) => ymd(instant(expected.weekEnd, "start") + 7 * n * DAY);
        expect([f.p50, f.p85, f.p95], `${label}: dates of the weeks`).toEqual([sunday(f.weeks.p50), sunday(f.weeks.p85), sunday(f.weeks.p95)]);
        expect(f.date >= f.p85 && f.date >= expected.earliestByDependencies, `${label}: date is the later of P85 and earliestByDependencies`).toBe(true);
        expect(f.p50 <= f.p85 && f.p85 <= f.p95, `${label}: P50 <= P85 <= P95`).toBe(true);
        expect(f.date === f.p85 || f.date === expected.earliestByDependencies, label).toBe(true);
      }

      // Claims (§7): at the claim date with today's knowledge, as known then, and as of asOf.
      const claims = await get(request, `/api/programs/${slug}/claims${query(p)}`);
      const pickClaim = (c: Record<string, unknown>) => ({
        id: c.id,
        date: c.date,
        linked: c.linked,
        links: (c.links as Record<string, unknown>[]).map((l) => ({
          item: l.item,
          requires: l.requires,
          trueStatus: l.trueStatus,
          met: l.met,
          trueStatusAsOf: l.trueStatusAsOf,
          metAsOf: l.metAsOf,
        })),
        metAtClaimDate: c.metAtClaimDate,
        verdictAtClaimDate: c.verdictAtClaimDate,
        verdictKnownThen: c.verdictKnownThen,
        verdictAsOf: c.verdictAsOf,
      });
      const byId = (a: { id: unknown }, b: { id: unknown }) => String(a.id).localeCompare(String(b.id));
      expect(claims.map(pickClaim).sort(byId), `claims ${label}`).toEqual(model.claims(asOf, knownAt).sort(byId));
    }
  });
}

test("the model's query points reach the interesting cases (inflated, blocked, forecasts, hidden backfills)", () => {
  let inflated = 0;
  let blocked = 0;
  let forecasts = 0;
  let noForecast = 0;
  let outside = 0;
  let hiddenByKnownAt = 0;
  const verdicts = new Set<string>();
  for (const seed of SEEDS) {
    const bundle = generateBundle(seed, "x");
    const model = new Model(bundle);
    for (const p of interestingPoints(bundle, seed)) {
      const { asOf, knownAt } = Model.resolve(p);
      const r = model.readiness(asOf, knownAt);
      inflated += r.inflated.length;
      blocked += r.blocked.length;
      outside += bundle.items.length - r.total;
      if (r.sample.some((w) => w.done > 0)) forecasts++;
      else if (r.total > r.done) noForecast++;
      const today = model.readiness(asOf, Date.now());
      if (JSON.stringify(today.byStatus) !== JSON.stringify(r.byStatus)) hiddenByKnownAt++;
      model.claims(asOf, knownAt).forEach((c) => [c.verdictAtClaimDate, c.verdictKnownThen, c.verdictAsOf].forEach((v) => verdicts.add(v)));
    }
  }
  expect(inflated).toBeGreaterThan(0);
  expect(blocked).toBeGreaterThan(0);
  expect(forecasts).toBeGreaterThan(0);
  expect(noForecast).toBeGreaterThan(0);
  expect(outside).toBeGreaterThan(0);
  expect(hiddenByKnownAt).toBeGreaterThan(0);
  expect(verdicts).toEqual(new Set(["supported", "mostly_supported", "partly_supported", "unsupported", "contradicted", "unrated"]));
});

// ---------------------------------------------------------------------------------------------
// 4: validation, errors, filters, sorting and paging

test("a bad asOf or knownAt is a 400 problem saying which format is expected", async ({ request }) => {
  const slug = await importSmall(request);
  const paths = ["items", "readiness", "claims", "items/A"].map((p) => `/api/programs/${slug}/${p}`);
  const bad = [
    ["asOf", "yesterday"],
    ["asOf", "2024-13-01"],
    ["asOf", "2024-1-5"],
    ["knownAt", "2024-02-30"],
    ["knownAt", "soon"],
  ];
  for (const path of paths) {
    for (const [name, value] of bad) {
      const res = await call(request, "viewer", "GET", `${path}?${name}=${value}`);
      const body = await res.json();
      expect(res.status(), `${path}?${name}=${value}: ${JSON.stringify(body)}`).toBe(400);
      expectProblem(res, body, 400);
      expect(body.errors, `${path}?${name}=${value}`).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: name, message: expect.stringContaining("YYYY-MM-DD") })]),
      );
    }
  }
});

test("unknown programs and items are 404 problems", async ({ request }) => {
  const slug = await importSmall(request);
  const missing = `no-such-program-${run}`;
  for (const path of ["items", "readiness", "claims", "bundle", "items/A"].map((p) => `/api/programs/${missing}/${p}`)) {
    const res = await call(request, path.endsWith("bundle") ? "admin" : "viewer", "GET", path);
    expectProblem(res, await res.json(), 404);
  }
  for (const [method, path, body] of [
    ["GET", `/api/programs/${slug}/items/NOPE`, undefined],
    ["POST", `/api/programs/${slug}/items/NOPE/transitions`, { to: "design" }],
    ["POST", `/api/programs/${slug}/items/A/dependencies`, { dependsOn: "NOPE" }],
    ["POST", `/api/programs/${slug}/transitions/999999999/verify`, {}],
  ] as const) {
    const res = await call(request, "admin", method, path, body);
    expectProblem(res, await res.json(), 404);
  }
});

test("items filters return exactly the matching keys of the model", async ({ request }) => {
  const seed = 7;
  const { slug, bundle, model } = await importGenerated(request, seed);
  const points: Point[] = [{}, { asOf: "2024-09-30" }, { asOf: "2024-12-31", knownAt: "2024-06-30" }];
  let nonEmpty = { blocked: 0, inflated: 0, unowned: 0 };
  for (const p of points) {
    const { asOf, knownAt } = Model.resolve(p);
    const items = model.items(asOf, knownAt);
    const keys = (f: (i: (typeof items)[number]) => boolean) => items.filter(f).map((i) => i.key).sort();
    const people = [...new Set(bundle.people.map((x) => x.email))];
    const word = bundle.items[0]!.title.split(" ")[0]!;
    const cases: [Record<string, string>, string[]][] = [
      ...LADDER.map((s): [Record<string, string>, string[]] => [{ status: s }, keys((i) => i.trueStatus === s)]),
      ...LADDER.map((s): [Record<string, string>, string[]] => [{ reportedStatus: s }, keys((i) => i.reportedStatus === s)]),
      ...[...new Set(bundle.items.map((i) => i.area))].map((a): [Record<string, string>, string[]] => [{ area: a }, keys((i) => i.area === a)]),
      ...people.map((o): [Record<string, string>, string[]] => [{ owner: o }, keys((i) => i.owner === o)]),
      [{ q: word.toUpperCase() }, keys((i) => `${i.key} ${i.title}`.toLowerCase().includes(word.toLowerCase()))],
      [{ q: bundle.items[1]!.key.toLowerCase() }, keys((i) => i.key.toLowerCase().includes(bundle.items[1]!.key.toLowerCase()) || i.title.toLowerCase().includes(bundle.items[1]!.key.toLowerCase()))],
      [{ blocked: "1" }, keys((i) => i.blocked)],
      [{ blocked: "0" }, keys((i) => !i.blocked)],
      [{ inflated: "1" }, keys((i) => i.inflated)],
      [{ unowned: "1" }, keys((i) => i.owner === null)],
      [{ status: "not_started", area: bundle.items[0]!.area }, keys((i) => i.trueStatus === "not_started" && i.area === bundle.items[0]!.area)],
      [{ blocked: "1", unowned: "0" }, keys((i) => i.blocked && i.owner !== null)],
    ];
    nonEmpty = {
      blocked: nonEmpty.blocked + keys((i) => i.blocked).length,
      inflated: nonEmpty.inflated + keys((i) => i.inflated).length,
      unowned: nonEmpty.unowned + keys((i) => i.owner === null).length,
    };
    for (const [filter, expected] of cases) {
      const res = await call(request, "viewer", "GET", `/api/programs/${slug}/items${query(p, filter)}`);
      const body: ApiItem[] = await json(res, 200);
      const label = `${describePoint(p)} ${JSON.stringify(filter)}`;
      expect(body.map((i) => i.key).sort(), label).toEqual(expected);
      expect(res.headers()["x-total-count"], label).toBe(String(expected.length));
    }
  }
  // The filters were tried on non-empty answers, not only on empty lists.
  expect(nonEmpty.blocked).toBeGreaterThan(0);
  expect(nonEmpty.inflated).toBeGreaterThan(0);
  expect(nonEmpty.unowned).toBeGreaterThan(0);
});

test("items sort and page with X-Total-Count; bad filters are 400 problems", async ({ request }) => {
  const seed = 42;
  const { slug, model } = await importGenerated(request, seed);
  const all = model.items(Date.now(), Date.now());
  const base = `/api/programs/${slug}/items`;

  const byKey: ApiItem[] = await get(request, base);
  expect(byKey.map((i) => i.key)).toEqual(all.map((i) => i.key).sort());
  const byKeyDesc: ApiItem[] = await get(request, `${base}?sort=key&dir=desc`);
  expect(byKeyDesc.map((i) => i.key)).toEqual(all.map((i) => i.key).sort().reverse());

  // Status sorts follow the ladder, not the alphabet.
  const byTrue: ApiItem[] = await get(request, `${base}?sort=trueStatus`);
  const levels = byTrue.map((i) => level(i.trueStatus));
  expect(levels).toEqual([...levels].sort((a, b) => a - b));
  const byReportedDesc: ApiItem[] = await get(request, `${base}?sort=reportedStatus&dir=desc`);
  const rlevels = byReportedDesc.map((i) => level(i.reportedStatus));
  expect(rlevels).toEqual([...rlevels].sort((a, b) => b - a));
  const byEstimate: { estimateWeeks: number }[] = await get(request, `${base}?sort=estimateWeeks&dir=desc`);
  const est = byEstimate.map((i) => i.estimateWeeks);
  expect(est).toEqual([...est].sort((a, b) => b - a));

  // Paging: pages of 3 concatenate to the whole sorted list; every page carries the total.
  for (const sort of ["key", "estimateWeeks", "trueStatus", "title"]) {
    const whole: ApiItem[] = await get(request, `${base}?sort=${sort}&dir=desc`);
    const pages: string[] = [];
    for (let offset = 0; offset < whole.length + 3; offset += 3) {
      const res = await call(request, "viewer", "GET", `${base}?sort=${sort}&dir=desc&limit=3&offset=${offset}`);
      const page: ApiItem[] = await json(res, 200);
      expect(res.headers()["x-total-count"]).toBe(String(all.length));
      expect(page.length).toBe(Math.max(0, Math.min(3, whole.length - offset)));
      pages.push(...page.map((i) => i.key));
    }
    expect(pages, sort).toEqual(whole.map((i) => i.key));
  }
  const filteredPage = await call(request, "viewer", "GET", `${base}?blocked=0&limit=1`);
  expect(filteredPage.headers()["x-total-count"]).toBe(String(all.filter((i) => !i.blocked).length));

  for (const bad of ["status=finished", "sort=bogus", "limit=0", "limit=x", "offset=-1", "blocked=maybe", "dir=up"]) {
    const res = await call(request, "viewer", "GET", `${base}?${bad}`);
    const body = await res.json();
    expectProblem(res, body, 400);
    expect(body.errors?.[0]?.path, bad).toBe(bad.split("=")[0]);
  }
});

// ---------------------------------------------------------------------------------------------
// 5: transitions, gates, verification and cycles through the API

test("a transition that fails a gate is a 422 naming the missing evidence, and writes nothing", async ({ request }) => {
  const slug = await importSmall(request);
  const path = `/api/programs/${slug}/items/A/transitions`;
  const ev = (kind: string, fleetPercent?: number) => ({ kind, url: `https://ev.example/${kind}`, summary: kind, ...(fleetPercent === undefined ? {} : { fleetPercent }) });
  const before = await snapshot(request, slug);

  const cases: [unknown, string][] = [
    [{ to: "build" }, "a design_doc"],
    [{ to: "validate", evidence: [ev("code_change")] }, "a design_doc"], // cumulative
    [{ to: "rollout", evidence: [ev("design_doc"), ev("code_change")] }, "a test_report"],
    [{ to: "done", evidence: [ev("design_doc"), ev("code_change"), ev("test_report"), ev("deployment", 50)] }, "a deployment with fleetPercent = 100"],
  ];
  for (const [body, missing] of cases) {
    const res = await call(request, "contributor", "POST", path, body);
    const problem = await res.json();
    expectProblem(res, problem, 422);
    expect(problem.detail, JSON.stringify(body)).toContain(missing);
  }
  expect(await snapshot(request, slug)).toEqual(before);

  // Evidence on an earlier transition counts later (cumulative gates); skipping levels is allowed.
  await json(await call(request, "contributor", "POST", path, { to: "design", evidence: [ev("design_doc")] }), 201);
  await json(await call(request, "contributor", "POST", path, { to: "validate", evidence: [ev("code_change")] }), 201);

  // A move down needs a note.
  const beforeDown = await snapshot(request, slug);
  const down = await call(request, "contributor", "POST", path, { to: "design" });
  const problem = await down.json();
  expectProblem(down, problem, 422);
  expect(problem.detail).toContain("note");
  const blank = await call(request, "contributor", "POST", path, { to: "design", note: "   " });
  expectProblem(blank, await blank.json(), 422);
  expect(await snapshot(request, slug)).toEqual(beforeDown);
  await json(await call(request, "contributor", "POST", path, { to: "design", note: "found a design flaw" }), 201);
});

test("a backfilled transition is judged with the history around it; if it breaks it, 422 and nothing written", async ({ request }) => {
  const slug = await importSmall(request);
  const path = `/api/programs/${slug}/items/A/transitions`;
  const ev = (kind: string) => ({ kind, url: `https://ev.example/${kind}`, summary: kind });
  await json(await call(request, "contributor", "POST", path, { to: "build", effectiveAt: "2024-05-01", evidence: [ev("design_doc")] }), 201);
  const before = await snapshot(request, slug);
  // Before the build of 2024-05-01, a validate would turn that build into a move down without a note.
  const res = await call(request, "contributor", "POST", path, { to: "validate", effectiveAt: "2024-04-01", evidence: [ev("design_doc"), ev("code_change")] });
  const problem = await res.json();
  expectProblem(res, problem, 422);
  expect(problem.detail).toContain("note");
  // Before its design_doc existed, a build lacks it: evidence only counts from its own transition on.
  const early = await call(request, "contributor", "POST", path, { to: "build", effectiveAt: "2024-03-01" });
  const earlyProblem = await early.json();
  expectProblem(early, earlyProblem, 422);
  expect(earlyProblem.detail).toContain("a design_doc");
  // An effectiveAt in the future is refused.
  const future = await call(request, "contributor", "POST", path, { to: "design", effectiveAt: ymd(Date.now() + 3 * DAY) });
  expectProblem(future, await future.json(), 400);
  expect(await snapshot(request, slug)).toEqual(before);
  // Backfilled after it, a validate with a code_change is fine: the design_doc of 2024-05-01 counts.
  await json(await call(request, "contributor", "POST", path, { to: "validate", effectiveAt: "2024-06-01", evidence: [ev("code_change")] }), 201);
});

test("import applies every rule all-or-nothing; a dry run writes nothing", async ({ request }) => {
  const seed = 2024;
  const valid = generateBundle(seed, uniqueSlug("dry"));
  const before = (await get(request, "/api/audit/log?limit=1"))[0].seq;
  const dry = await json(await call(request, "admin", "POST", "/api/programs/import?dryRun=1", valid), 200);
  expect(dry.program).toBe(valid.program.slug);
  expect((await call(request, "viewer", "GET", `/api/programs/${valid.program.slug}/items`)).status()).toBe(404);

  const withCycle = structuredClone(valid);
  const first = withCycle.items.find((i) => i.dependsOn.length > 0)!;
  withCycle.items.find((i) => i.key === first.dependsOn[0])!.dependsOn.push(first.key); // first -> dep -> first
  const gate = structuredClone(valid);
  const ok = gate.transitions.findIndex((t) => t.evidence.some((e) => e.kind === "design_doc"));
  gate.transitions[ok]!.evidence = gate.transitions[ok]!.evidence.filter((e) => e.kind !== "design_doc");
  const eyes = structuredClone(valid);
  const verified = eyes.transitions.find((t) => t.verifiedBy)!;
  verified.verifiedBy = verified.by;
  for (const [bad, words] of [
    [withCycle, "cycle"],
    [gate, "design_doc"],
    [eyes, "four eyes"],
  ] as const) {
    const res = await call(request, "admin", "POST", "/api/programs/import", bad);
    const problem = await res.json();
    expect(res.status(), JSON.stringify(problem).slice(0, 300)).toBe(422);
    expect(res.headers()["content-type"]).toContain(PROBLEM);
    expect(JSON.stringify(problem.errors), words).toContain(words);
    expect((await call(request, "viewer", "GET", `/api/programs/${valid.program.slug}/items`)).status()).toBe(404);
  }
  expect((await get(request, "/api/audit/log?limit=1"))[0].seq).toBe(before);
});

test("verified transitions change true status and readiness; bad news needs no verification", async ({ request }) => {
  const slug = await importSmall(request);
  const item = async (key: string, q = "") => {
    const list: ApiItem[] = await get(request, `/api/programs/${slug}/items${q}`);
    return list.find((i) => i.key === key)!;
  };
  const report = async (key: string, body: object) =>
    (await json(await call(request, "contributor", "POST", `/api/programs/${slug}/items/${key}/transitions`, body), 201)).id as number;
  const verify = async (id: number, who: "reviewer" | "admin" = "reviewer") =>
    json(await call(request, who, "POST", `/api/programs/${slug}/transitions/${id}/verify`, {}), 201);
  const ev = (kind: string, fleetPercent?: number) => ({ kind, url: `https://ev.example/${kind}`, summary: kind, ...(fleetPercent === undefined ? {} : { fleetPercent }) });
  const readiness = (q = "") => get(request, `/api/programs/${slug}/readiness${q}`);

  let r = await readiness();
  expect({ total: r.total, done: r.done, readiness: r.readiness, blocked: [...r.blocked].sort() }).toEqual({ total: 4, done: 0, readiness: 0, blocked: ["B", "C"] });

  const d = await report("A", { to: "design" });
  expect(await item("A")).toMatchObject({ trueStatus: "not_started", reportedStatus: "design", inflated: true });
  await verify(d);
  expect(await item("A")).toMatchObject({ trueStatus: "design", reportedStatus: "design", inflated: false });

  const done = await report("A", {
    to: "done",
    evidence: [ev("design_doc"), ev("code_change"), ev("test_report"), ev("deployment", 100)],
  });
  r = await readiness();
  expect(r.done).toBe(0);
  expect(r.inflated).toEqual([{ key: "A", reported: "done", true: "design" }]);
  expect(r.byStatus.reported.done).toBe(1);
  await verify(done);
  r = await readiness();
  expect({ total: r.total, done: r.done, blocked: [...r.blocked].sort(), inflated: r.inflated }).toEqual({ total: 4, done: 1, blocked: ["C"], inflated: [] });
  expect(r.readiness).toBeCloseTo(0.25, 12);
  expect(r.effortReadiness).toBeCloseTo(0.25, 12);
  expect(r.byStatus.true).toEqual({ not_started: 3, design: 0, build: 0, validate: 0, rollout: 0, done: 1 });
  // A verified completion this week: a forecast exists and is no earlier than the dependency bound.
  expect(r.forecast.date).not.toBeNull();
  expect(r.forecast.date >= r.earliestByDependencies).toBe(true);

  // Known yesterday, nothing of today's records is visible.
  const yesterday = ymd(Date.now() - DAY);
  r = await readiness(`?knownAt=${yesterday}`);
  expect({ done: r.done, reported: r.byStatus.reported.not_started }).toEqual({ done: 0, reported: 4 });

  // A regression lowers the true status at once, unverified.
  await report("A", { to: "build", note: "rollback: crash loop in canary" });
  expect(await item("A")).toMatchObject({ trueStatus: "build", reportedStatus: "build" });
  r = await readiness();
  expect(r.done).toBe(0);
  expect([...r.blocked].sort()).toEqual(["B", "C"]);

  // A backfilled transition: true as of its effective date, invisible to what was known before today.
  const back = await report("D", { to: "design", effectiveAt: "2024-03-01" });
  await verify(back, "admin"); // D is owned by the reviewer account: four eyes
  expect(await item("D", "?asOf=2024-03-31")).toMatchObject({ trueStatus: "design", reportedStatus: "design" });
  expect(await item("D", "?asOf=2024-02-29")).toMatchObject({ trueStatus: "not_started", reportedStatus: "not_started" });
  expect(await item("D", `?asOf=2024-03-31&knownAt=${yesterday}`)).toMatchObject({ trueStatus: "not_started", reportedStatus: "not_started" });
});

test("a dependency that would close a cycle is a 422 naming the real cycle, and writes nothing", async ({ request }) => {
  const slug = await importSmall(request); // C -> B -> A
  const before = await snapshot(request, slug);
  const res = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/dependencies`, { dependsOn: "C" });
  const problem = await res.json();
  expectProblem(res, problem, 422);
  expect(problem.detail).toContain("A -> C -> B -> A");
  const self = await call(request, "contributor", "POST", `/api/programs/${slug}/items/B/dependencies`, { dependsOn: "B" });
  const selfProblem = await self.json();
  expectProblem(self, selfProblem, 422);
  expect(selfProblem.detail).toContain("B -> B");
  expect(await snapshot(request, slug)).toEqual(before);
});

test("on a generated DAG, every refused dependency names a cycle that really exists", async ({ request }) => {
  const seed = 1234;
  const { slug, bundle } = await importGenerated(request, seed);
  const deps = new Map(bundle.items.map((i) => [i.key, i.dependsOn]));
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    from === to || (!seen.has(from) && (seen.add(from), (deps.get(from) ?? []).some((d) => reaches(d, to, seen))));
  // (x, y) with x depending on y through at least two edges: y -> x closes a longer cycle.
  const pairs = bundle.items.flatMap((x) =>
    bundle.items.filter((y) => y.key !== x.key && reaches(x.key, y.key) && !x.dependsOn.includes(y.key)).map((y) => [x.key, y.key] as const),
  );
  const direct = bundle.items.flatMap((x) => x.dependsOn.map((y) => [x.key, y] as const));
  expect(pairs.length + direct.length).toBeGreaterThan(0);
  const before = await snapshot(request, slug);
  for (const [x, y] of [...pairs.slice(0, 4), ...direct.slice(0, 2)]) {
    const res = await call(request, "contributor", "POST", `/api/programs/${slug}/items/${y}/dependencies`, { dependsOn: x });
    const problem = await res.json();
    expectProblem(res, problem, 422);
    const named = /([A-Za-z0-9_.-]+(?: -> [A-Za-z0-9_.-]+)+)/.exec(problem.detail)?.[1]?.split(" -> ");
    expect(named, problem.detail).toBeTruthy();
    expect(named![0]).toBe(y);
    expect(named![1]).toBe(x);
    expect(named!.at(-1)).toBe(y);
    for (let n = 1; n < named!.length - 1; n++) expect(deps.get(named![n]!), problem.detail).toContain(named![n + 1]);
  }
  expect(await snapshot(request, slug)).toEqual(before);
});

// ---------------------------------------------------------------------------------------------
// 6: optimistic concurrency

test("item edits need the version read: a stale write is a 409 that changes nothing", async ({ request }) => {
  const slug = await importSmall(request);
  const url = `/api/programs/${slug}/items/A`;
  const first = await call(request, "viewer", "GET", url);
  const read = await json(first, 200);
  expect(typeof read.version).toBe("number");
  expect(first.headers()["etag"]).toBe(`"${read.version}"`);

  const ok = await call(request, "contributor", "PATCH", url, { version: read.version, title: "Renamed once" });
  const okBody = await json(ok, 200);
  expect(okBody.version).toBeGreaterThan(read.version);
  expect(ok.headers()["etag"]).toBe(`"${okBody.version}"`);

  const before = await snapshot(request, slug);
  const stale = await call(request, "contributor", "PATCH", url, { version: read.version, title: "Stale write" });
  expectProblem(stale, await stale.json(), 409);
  const after = await json(await call(request, "viewer", "GET", url), 200);
  expect({ title: after.title, version: after.version }).toEqual({ title: "Renamed once", version: okBody.version });
  expect(await snapshot(request, slug)).toEqual(before);

  // The same with If-Match.
  const patch = (ifMatch: string | null, data: object) =>
    request.fetch(url, { method: "PATCH", headers: { ...authHeaders("contributor"), ...(ifMatch ? { "if-match": ifMatch } : {}) }, data });
  const viaHeader = await patch(`"${okBody.version}"`, { title: "Renamed twice" });
  const viaHeaderBody = await json(viaHeader, 200);
  expect(viaHeaderBody.version).toBeGreaterThan(okBody.version);
  const staleHeader = await patch(`"${okBody.version}"`, { title: "Stale again" });
  expectProblem(staleHeader, await staleHeader.json(), 409);
  expect((await json(await call(request, "viewer", "GET", url), 200)).title).toBe("Renamed twice");

  // A blind write (no version at all) is refused too.
  const blind = await patch(null, { title: "Blind" });
  expect([400, 428]).toContain(blind.status());
  expect(blind.headers()["content-type"]).toContain(PROBLEM);
  expect((await json(await call(request, "viewer", "GET", url), 200)).title).toBe("Renamed twice");
});

test("a stale If-Match is refused even when the body carries the current version (items and programs)", async ({ request }) => {
  // RFC 9110 §13.1.1: a server that receives If-Match and finds no match MUST NOT perform the method.
  // Today the body's `version` silently wins over the header (db/mutations/edit-item.ts and
  // manage-program.ts: `body.version ?? expectedVersion`).
  const slug = await importSmall(request);
  for (const [url, who, field] of [
    [`/api/programs/${slug}/items/B`, "contributor", "title"],
    [`/api/programs/${slug}`, "admin", "name"],
  ] as const) {
    const read = await json(await call(request, "viewer", "GET", url), 200);
    await json(await call(request, who, "PATCH", url, { version: read.version, [field]: "Second" }), 200);
    const current = (await json(await call(request, "viewer", "GET", url), 200)).version;
    const before = await snapshot(request, slug);
    const res = await request.fetch(url, {
      method: "PATCH",
      headers: { ...authHeaders(who), "if-match": `"${read.version}"` }, // stale
      data: { version: current, [field]: "Should not be written" },
    });
    expect([409], `PATCH ${url} with a stale If-Match answered ${res.status()}`).toContain(res.status());
    expect.soft((await json(await call(request, "viewer", "GET", url), 200))[field], `${url} ${field}`).toBe("Second");
    expect.soft(await snapshot(request, slug), `${url}: nothing written`).toEqual(before);
  }
});

// ---------------------------------------------------------------------------------------------
// 6b: throughput counts items (DESIGN §6)

test("throughput counts items that became done in a week, not completions: done twice in one week is one item", async ({ request }) => {
  const slug = uniqueSlug("twice");
  const c = TEST_ACCOUNTS.contributor.email;
  const r = TEST_ACCOUNTS.reviewer.email;
  const evidence = [
    { kind: "design_doc" as const, url: "https://ev.example/d", summary: "d" },
    { kind: "code_change" as const, url: "https://ev.example/c", summary: "c" },
    { kind: "test_report" as const, url: "https://ev.example/t", summary: "t" },
    { kind: "deployment" as const, url: "https://ev.example/p", summary: "p", fleetPercent: 100 },
  ] satisfies Evidence[];
  const bundle: Bundle = {
    format: "offload-tracker/v1",
    program: { slug, name: "Done twice" },
    people: Object.values(TEST_ACCOUNTS).map((a) => ({ email: a.email, name: a.name, team: "Test" })),
    items: ["X", "Y"].map((key) => ({ key, title: key, area: "Core", owner: null, team: "T", estimateWeeks: 1, identifiedAt: "2024-01-01", dependsOn: [] })),
    transitions: [
      // 2024-W10: X done (verified) on Monday, rolled back on Tuesday, done again (verified) on Wednesday.
      { item: "X", to: "done", effectiveAt: "2024-03-04", by: c, evidence, note: "", verifiedBy: r },
      { item: "X", to: "rollout", effectiveAt: "2024-03-05", by: c, evidence: [], note: "rollback" },
      { item: "X", to: "done", effectiveAt: "2024-03-06", by: c, evidence: [], note: "", verifiedBy: r },
    ],
    signals: [],
    claims: [],
  };
  await importBundle(request, bundle);
  const readiness = await get(request, `/api/programs/${slug}/readiness?asOf=2024-03-10`);
  expect(readiness.done).toBe(1);
  const expected = new Model(bundle).readiness(instant("2024-03-10", "end"), Date.now());
  expect(expected.sample.at(-1)).toEqual({ week: "2024-W10", done: 1 });
  expect(readiness.forecast.sample.at(-1), "one item, X, became done in 2024-W10").toEqual({ week: "2024-W10", done: 1 });
});

// ---------------------------------------------------------------------------------------------
// 7: the demo program (read only) and the OpenAPI document

test("demo program at 2024-12-31: 64 items, none done, about 60 not started, no forecast", async ({ request }) => {
  const r = await get(request, "/api/programs/boost-offload/readiness?asOf=2024-12-31");
  expect(r.total).toBe(64);
  expect(r.done).toBe(0);
  expect(r.readiness).toBe(0);
  expect(r.byStatus.true.not_started).toBeGreaterThanOrEqual(58);
  expect(r.byStatus.true.not_started).toBeLessThanOrEqual(62);
  expect(r.forecast.date).toBeNull();
  expect(r.forecast.reason).toBe(NO_FORECAST);
});

test("readiness ?limit=N cuts each list to its first N entries and keeps every count whole", async ({ request }) => {
  const whole = await get(request, "/api/programs/boost-offload/readiness?asOf=2024-12-31");
  // The demo's lists are all shorter than the quality lists' default cut: whole without a limit.
  expect([whole.listLimit, whole.qualityListLimit]).toEqual([null, 1000]);
  expect(whole.counts).toEqual({
    inflated: whole.inflated.length,
    blocked: whole.blocked.length,
    breaches: whole.quality.breaches.length,
    unowned: whole.quality.unowned.length,
  });
  expect(whole.blocked.length).toBeGreaterThan(3);
  const cut = await get(request, "/api/programs/boost-offload/readiness?asOf=2024-12-31&limit=3");
  expect([cut.listLimit, cut.qualityListLimit]).toEqual([3, 3]);
  expect(cut.counts).toEqual(whole.counts);
  expect(cut.blocked).toEqual(whole.blocked.slice(0, 3));
  expect(cut.inflated).toEqual(whole.inflated.slice(0, 3));
  expect(cut.quality.breaches).toEqual(whole.quality.breaches.slice(0, 3));
  const rest = { blocked: 0, inflated: 0, quality: 0, listLimit: 0, qualityListLimit: 0 };
  expect({ ...cut, ...rest }).toEqual({ ...whole, ...rest });
  const all = await get(request, "/api/programs/boost-offload/readiness?asOf=2024-12-31&limit=all");
  expect(all).toEqual({ ...whole, qualityListLimit: null });
  for (const bad of ["-1", "abc", "1.5", "1000001", "ALL", ""]) {
    const res = await call(request, "viewer", "GET", `/api/programs/boost-offload/readiness?limit=${bad}`);
    const body = await res.json();
    expect(res.status(), `limit=${bad}`).toBe(400);
    expectProblem(res, body, 400);
    expect(body.errors[0].path).toBe("limit");
  }
});

test("demo claims dated 2023–2024 are contradicted or unsupported at their own date", async ({ request }) => {
  const claims: { id: string; date: string; verdictAtClaimDate: string }[] = await get(request, "/api/programs/boost-offload/claims");
  const early = claims.filter((c) => c.date < "2025-01-01");
  expect(early.length).toBeGreaterThan(0);
  for (const c of early) expect(["contradicted", "unsupported"], c.id).toContain(c.verdictAtClaimDate);
});

test("the demo program, exported, agrees with the model", async ({ request }) => {
  const bundle: Bundle = await json(await call(request, "admin", "GET", "/api/programs/boost-offload/bundle"), 200);
  const model = new Model(bundle);
  const points: Point[] = [{ asOf: "2023-10-01" }, { asOf: "2024-06-30" }, { asOf: "2024-12-31" }, { asOf: "2024-12-31", knownAt: "2024-06-30" }, {}];
  for (const p of points) {
    const { asOf, knownAt } = Model.resolve(p);
    const e = model.readiness(asOf, knownAt);
    const r = await get(request, `/api/programs/boost-offload/readiness${query(p)}`);
    expect(
      { total: r.total, done: r.done, byStatus: r.byStatus, blocked: [...r.blocked].sort(), inflated: r.inflated.map((i: { key: string }) => i.key).sort() },
      describePoint(p),
    ).toEqual({ total: e.total, done: e.done, byStatus: e.byStatus, blocked: e.blocked, inflated: e.inflated.map((i) => i.key) });
    const claims = await get(request, `/api/programs/boost-offload/claims${query(p)}`);
    const expected = model.claims(asOf, knownAt);
    for (const c of claims) {
      const m = expected.find((x) => x.id === c.id)!;
      expect([c.verdictAtClaimDate, c.verdictKnownThen, c.verdictAsOf], `${c.id} ${describePoint(p)}`).toEqual([m.verdictAtClaimDate, m.verdictKnownThen, m.verdictAsOf]);
    }
  }
});

test("a program with nothing remaining forecasts 0 weeks; an empty one reads 0 without dividing by zero", async ({ request }) => {
  const slug = uniqueSlug("finished");
  const people = Object.values(TEST_ACCOUNTS).map((a) => ({ email: a.email, name: a.name, team: "Test" }));
  const ev = [
    { kind: "design_doc", url: "https://ev.example/d", summary: "d" },
    { kind: "code_change", url: "https://ev.example/c", summary: "c" },
    { kind: "test_report", url: "https://ev.example/t", summary: "t" },
    { kind: "deployment", url: "https://ev.example/p", summary: "p", fleetPercent: 100 },
  ];
  const mk = (key: string, est: number) => ({ key, title: key, area: "Core", owner: TEST_ACCOUNTS.contributor.email, team: "T", estimateWeeks: est, identifiedAt: "2024-01-01", dependsOn: [] });
  await importBundle(request, {
    format: "offload-tracker/v1",
    program: { slug, name: "Finished" },
    people,
    items: [mk("X", 3), mk("Y", 1)],
    transitions: ["X", "Y"].map((item) => ({
      item, to: "done", effectiveAt: "2024-02-01", by: TEST_ACCOUNTS.contributor.email, evidence: ev, verifiedBy: TEST_ACCOUNTS.reviewer.email,
    })),
  });
  const r = await get(request, `/api/programs/${slug}/readiness?asOf=2025-01-01`); // a Wednesday
  expect({ total: r.total, done: r.done, readiness: r.readiness, effortReadiness: r.effortReadiness }).toEqual({ total: 2, done: 2, readiness: 1, effortReadiness: 1 });
  expect(r.criticalPath.remainingWeeks).toBe(0);
  expect(r.forecast.weeks).toEqual({ p50: 0, p85: 0, p95: 0 });
  expect(r.forecast.date).toBe("2025-01-05");
  const before = await get(request, `/api/programs/${slug}/readiness?asOf=2023-12-31`); // nothing identified yet
  expect({ total: before.total, done: before.done, readiness: before.readiness, effortReadiness: before.effortReadiness }).toEqual({ total: 0, done: 0, readiness: 0, effortReadiness: 0 });
});

test("decimal estimates do not push earliestByDependencies a day later (0.1 + 2.7 + 0.2 weeks = 21 days)", async ({ request }) => {
  const slug = uniqueSlug("decimals");
  const mk = (key: string, est: number, dependsOn: string[]) => ({ key, title: key, area: "Core", owner: null, team: "T", estimateWeeks: est, identifiedAt: "2024-01-01", dependsOn });
  await importBundle(request, {
    format: "offload-tracker/v1",
    program: { slug, name: "Decimals" },
    people: [],
    items: [mk("X", 0.1, []), mk("Y", 2.7, ["X"]), mk("Z", 0.2, ["Y"])],
  });
  const r = await get(request, `/api/programs/${slug}/readiness?asOf=2024-03-01`);
  expect(r.criticalPath.keys).toEqual(["X", "Y", "Z"]);
  expect(r.criticalPath.remainingWeeks).toBeCloseTo(3, 9);
  expect(r.earliestByDependencies).toBe("2024-03-22");
});

test("GET /api/openapi.json is an OpenAPI 3.1 document with the DESIGN §10 paths", async ({ request }) => {
  const doc = await get(request, "/api/openapi.json");
  expect(doc.openapi).toBe("3.1.0");
  expect(typeof doc.info?.title).toBe("string");
  expect(typeof doc.info?.version).toBe("string");
  // DESIGN §10's table; the weekly report paths have their own suite (reports.spec.ts).
  const table: [string, string][] = [
    ["/api/health", "get"],
    ["/api/programs", "get"],
    ["/api/programs/import", "post"],
    ["/api/programs/{slug}/bundle", "get"],
    ["/api/programs/{slug}/items", "get"],
    ["/api/programs/{slug}/readiness", "get"],
    ["/api/programs/{slug}/claims", "get"],
    ["/api/programs/{slug}/items/{key}/transitions", "post"],
    ["/api/programs/{slug}/transitions/{id}/verify", "post"],
    ["/api/programs/{slug}/items/{key}/dependencies", "post"],
    ["/api/programs/{slug}/items/{key}/dependencies/{dependsOn}", "delete"],
    ["/api/audit/verify", "get"],
  ];
  for (const [path, method] of table) {
    expect(doc.paths?.[path]?.[method], `${method.toUpperCase()} ${path}`).toBeTruthy();
    expect(doc.paths[path][method].responses, `${method.toUpperCase()} ${path} responses`).toBeTruthy();
  }
  const params = (doc.paths["/api/programs/{slug}/readiness"].get.parameters ?? []).map((p: { name?: string; $ref?: string }) => p.name ?? p.$ref);
  expect(params.join(" ")).toContain("asOf");
  expect(params.join(" ")).toContain("knownAt");
});
