/**
 * Weekly reports over HTTP (DESIGN §8, §10): the four formats with their content types,
 * byte-identical regeneration, refusals as problem+json, publishing once (admin), and restatement
 * after a backfill. The demo program is only read; publishing happens on programs of its own.
 */
import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { smallBundle } from "../support/small-bundle";
import { call } from "../support/api-client";

const DEMO = "/api/programs/boost-offload/reports";
const NO_FORECAST = "no verified completion in the last 12 weeks: at this rate the program does not finish";
const PROBLEM = "application/problem+json";
const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
let counter = 0;

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

/** A stamped Markdown report: its header stamp line, its body (what the footer's digest covers) and the file without its stamp lines. */
function unstamp(md: string) {
  const header = md.slice(0, md.indexOf("\n"));
  const footerStamp = md.lastIndexOf("\n> **");
  const seal = md.indexOf("<!-- offload-tracker-report v1 ");
  const body = md.slice(header.length + 2, footerStamp);
  return { header, body, unstamped: body + md.slice(seal) };
}

async function problem(res: APIResponse, status: number) {
  expect(res.status(), await res.text()).toBe(status);
  expect(res.headers()["content-type"]).toContain(PROBLEM);
  return res.json();
}

/** A download of the demo's report `file` as a viewer: 200, its content type, and the file name it is saved under. */
async function download(request: APIRequestContext, file: string, contentType: string): Promise<APIResponse> {
  const res = await call(request, "viewer", "GET", `${DEMO}/${file}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe(contentType);
  expect(res.headers()["content-disposition"]).toBe(`attachment; filename="boost-offload-${file}"`);
  return res;
}

async function importSmall(request: APIRequestContext): Promise<string> {
  const slug = `reports-${run}-${++counter}`;
  const res = await call(request, "admin", "POST", "/api/programs/import", smallBundle(slug));
  expect(res.status(), await res.text()).toBe(201);
  return slug;
}

test.describe("GET /api/programs/{slug}/reports/{YYYY-Www}.{ext}", () => {
  test("Markdown of the demo's 2024-W52: 0 of 64 done, no forecast and why, stamped a draft, sealed footer", async ({ request }) => {
    const md = await (await download(request, "2024-W52.md", "text/markdown; charset=utf-8")).text();
    expect(md).toContain("**Done (verified): 0 of 64 items**");
    expect(md).toContain(`**No forecast:** ${NO_FORECAST}.`);
    const footer = /<!-- offload-tracker-report v1 program=boost-offload week=2024-W52 logHeadAtCutoff=([0-9a-f]{64}) sha256=([0-9a-f]{64}) -->\n$/.exec(md);
    expect(footer).not.toBeNull();
    // The digest covers the bytes between the two stamp lines.
    const { header, body } = unstamp(md);
    expect(header).toMatch(/^> \*\*Draft generated on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — not published\*\*$/);
    expect(sha256(body)).toBe(footer![2]);
  });

  test("CSV has one row per item, DESIGN's header names, CRLF", async ({ request }) => {
    const res = await download(request, "2024-W52.csv", "text/csv; charset=utf-8");
    const lines = (await res.text()).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(65);
    expect(lines[0]).toMatch(/^key,title,area,owner,ownerName,team,estimateWeeks,trueStatus,reportedStatus,blocked,inflated,/);
  });

  test("JSON is the whole model with its digest and publication (null until published)", async ({ request }) => {
    const res = await call(request, "viewer", "GET", `${DEMO}/2024-W52.json`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/json; charset=utf-8");
    const doc = await res.json();
    expect(doc).toMatchObject({
      format: "offload-tracker-report/v1",
      week: "2024-W52",
      cutoff: "2024-12-29T23:59:59.999Z",
      headline: { total: 64, done: 0, readiness: 0 },
      forecast: { date: null, reason: NO_FORECAST },
      publication: null,
    });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.items).toHaveLength(64);
  });

  test("regenerating gives the same bytes", async ({ request }) => {
    for (const ext of ["md", "csv", "json"]) {
      const a = await (await call(request, "viewer", "GET", `${DEMO}/2024-W51.${ext}`)).body();
      const b = await (await call(request, "viewer", "GET", `${DEMO}/2024-W51.${ext}`)).body();
      expect(b.equals(a), ext).toBe(true);
    }
  });

  test("PDF on A4 by default and on Letter, a 400 for another paper", async ({ request }) => {
    const body = await (await download(request, "2024-W52.pdf", "application/pdf")).body();
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    const letter = await call(request, "viewer", "GET", `${DEMO}/2024-W52.pdf?paper=letter`);
    expect(letter.status()).toBe(200);
    expect((await letter.body()).toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 612 792\s*\]/);
    const bad = await problem(await call(request, "viewer", "GET", `${DEMO}/2024-W52.pdf?paper=a3`), 400);
    expect(bad.errors).toEqual([{ path: "paper", message: "must be one of a4, letter" }]);
  });

  test("the spreadsheet is an xlsx attachment (a zip)", async ({ request }) => {
    const res = await download(request, "2024-W52.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await res.body()).subarray(0, 2).toString()).toBe("PK");
  });

  test("refuses a malformed week, a future week and an unknown format (400), an unknown program (404)", async ({ request }) => {
    const malformed = await problem(await call(request, "viewer", "GET", `${DEMO}/2024-W60.md`), 400);
    expect(malformed.detail).toBe('"2024-W60" is not an ISO week');
    expect(malformed.errors).toEqual([{ path: "week", message: "must be an ISO week YYYY-Www such as 2024-W52" }]);
    const future = await problem(await call(request, "viewer", "GET", `${DEMO}/2999-W01.json`), 400);
    expect(future.detail).toBe("2999-W01 is in the future: its cutoff 2999-01-06T23:59:59.999Z has not passed yet");
    expect(future.errors[0].message).toMatch(/^a week can be reported once it has ended \(the last complete week is \d{4}-W\d{2}\)$/);
    const format = await problem(await call(request, "viewer", "GET", `${DEMO}/2024-W52.docx`), 400);
    expect(format.errors).toEqual([{ path: "format", message: "must be one of md, csv, json, pdf, xlsx" }]);
    await problem(await call(request, "viewer", "GET", "/api/programs/no-such-program/reports/2024-W52.md"), 404);
  });

  test("needs credentials (401)", async ({ request }) => {
    await problem(await call(request, "anonymous", "GET", `${DEMO}/2024-W52.md`), 401);
    await problem(await call(request, "anonymous", "POST", `${DEMO}/2024-W52/publish`), 401);
  });
});

test.describe("GET /api/programs/{slug}/reports", () => {
  test("lists complete weeks newest first with links to every format", async ({ request }) => {
    const res = await call(request, "viewer", "GET", DEMO);
    expect(res.status()).toBe(200);
    const list = await res.json();
    expect(list.total).toBeGreaterThan(100);
    expect(list.weeks).toHaveLength(20);
    expect(list.weeks[0].week > list.weeks[1].week).toBe(true);
    expect(list.weeks[0].files.pdf).toBe(`${DEMO}/${list.weeks[0].week}.pdf`);
    expect(list.weeks[0].files.xlsx).toBe(`${DEMO}/${list.weeks[0].week}.xlsx`);
    await problem(await call(request, "viewer", "GET", `${DEMO}?page=0`), 400);
  });
});

test.describe("POST /api/programs/{slug}/reports/{YYYY-Www}/publish", () => {
  test("is for admins only (403)", async ({ request }) => {
    const slug = await importSmall(request);
    for (const who of ["viewer", "contributor", "reviewer"] as const)
      await problem(await call(request, who, "POST", `/api/programs/${slug}/reports/2024-W52/publish`), 403);
  });

  test("stores the week once with its digest; a second time is a 409; a backfill restates it", async ({ request }) => {
    const slug = await importSmall(request);
    const base = `/api/programs/${slug}/reports`;
    const draft = await (await call(request, "viewer", "GET", `${base}/2024-W52.md`)).text();
    await problem(await call(request, "viewer", "GET", `${base}/2024-W52.md?version=published`), 404);
    const badVersion = await problem(await call(request, "viewer", "GET", `${base}/2024-W52.md?version=final`), 400);
    expect(badVersion.errors).toEqual([{ path: "version", message: "must be one of current, published" }]);

    const res = await call(request, "admin", "POST", `${base}/2024-W52/publish`);
    expect(res.status(), await res.text()).toBe(201);
    const published = await res.json();
    expect(published).toMatchObject({ program: slug, week: "2024-W52", publishedBy: "admin@test.example" });
    // The publication's digest is that of the sealed Markdown: the draft's, stamp lines left out.
    expect(published.sha256).toBe(sha256(unstamp(draft).unstamped));
    expect(published.logHeadAtPublication).toMatch(/^[0-9a-f]{64}$/);

    const again = await problem(await call(request, "admin", "POST", `${base}/2024-W52/publish`), 409);
    expect(again.detail).toMatch(/^2024-W52 of "reports-.*" was already published on \d{4}-\d{2}-\d{2} by Ada Admin; a published week is never replaced$/);
    await problem(await call(request, "admin", "POST", `${base}/2999-W01/publish`), 400);
    await problem(await call(request, "admin", "POST", `${base}/2024-W99/publish`), 400);

    let doc = await (await call(request, "viewer", "GET", `${base}/2024-W52.json`)).json();
    expect(doc.publication).toMatchObject({ restated: false, sha256: published.sha256, differences: [], lines: [] });
    // Now the download is the published version, exactly as stored, stamped with who and when.
    const md = await (await call(request, "viewer", "GET", `${base}/2024-W52.md`)).body();
    expect(md.equals(await (await call(request, "viewer", "GET", `${base}/2024-W52.md?version=published`)).body())).toBe(true);
    expect(unstamp(md.toString("utf8")).header).toMatch(new RegExp(`^> \\*\\*Published version — published on .* UTC, by Ada Admin, sha256 ${published.sha256}\\*\\*$`));
    expect(unstamp(md.toString("utf8")).body).toBe(unstamp(draft).body);

    // Backfill: A reached design during 2024-W52, recorded and verified only now.
    const t = await call(request, "contributor", "POST", `/api/programs/${slug}/items/A/transitions`, {
      to: "design",
      effectiveAt: "2024-12-24",
      note: "Backfilled from the design review minutes",
    });
    expect(t.status(), await t.text()).toBe(201);
    const v = await call(request, "reviewer", "POST", `/api/programs/${slug}/transitions/${(await t.json()).id}/verify`, {});
    expect(v.status(), await v.text()).toBe(201);

    doc = await (await call(request, "viewer", "GET", `${base}/2024-W52.json`)).json();
    expect(doc.publication.restated).toBe(true);
    expect(doc.publication.differences).toEqual(
      expect.arrayContaining([
        { kind: "item", what: "A trueStatus", was: "not_started", now: "design" },
        { kind: "figure", what: "started (verified)", was: "0", now: "1" },
      ]),
    );
    expect(doc.publication.lines.some((l: { op: string; text: string }) => l.op === "+" && l.text.startsWith("| A | Item A |"))).toBe(true);
    // The week before is untouched, and the list says which week was restated.
    expect((await (await call(request, "viewer", "GET", `${base}/2024-W51.json`)).json()).publication).toBeNull();
    const list = await (await call(request, "viewer", "GET", `${base}?week=2024-W52`)).json();
    expect(list.weeks.map((w: { week: string }) => w.week)).toContain("2024-W52");
    expect(list.weeks.every((w: { week: string; restated: boolean }) => w.restated === (w.week === "2024-W52"))).toBe(true);
  });
});
