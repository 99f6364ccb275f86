/**
 * The items API pages its answer: 100 items unless `limit` says otherwise (at most 1,000), the
 * total in X-Total-Count, the other pages in an RFC 8288 Link header; `search` and `fields` serve a
 * key picker; the CSV stays whole; the item answer carries no list of every key.
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { call } from "../support/api-client";
import { expectProblem } from "../support/api-answers";
import { importManyItems } from "../support/programs";

const COUNT = 350;
let slug = "";

test.beforeAll(async ({ request }) => {
  slug = await importManyItems(request, "paging", COUNT);
});

/** rel → URL of a Link header. */
function links(res: APIResponse): Record<string, string> {
  const header = res.headers()["link"] ?? "";
  return Object.fromEntries([...header.matchAll(/<([^>]+)>;\s*rel="(\w+)"/g)].map((m) => [m[2], m[1]]));
}

const keys = (rows: { key: string }[]) => rows.map((r) => r.key);
const key = (n: number) => `I-${String(n).padStart(3, "0")}`;

test("without a limit the answer is the first 100 items, the total and links to the next and last pages", async ({ request }) => {
  const res = await call(request, "viewer", "GET", `/api/programs/${slug}/items`);
  expect(res.status()).toBe(200);
  const rows = await res.json();
  expect(keys(rows)).toEqual(Array.from({ length: 100 }, (_, i) => key(i + 1)));
  expect(res.headers()["x-total-count"]).toBe(String(COUNT));
  const rel = links(res);
  expect(Object.keys(rel).sort()).toEqual(["first", "last", "next"]);
  expect(new URL(rel.next!, "http://x").searchParams.get("offset")).toBe("100");
  expect(new URL(rel.last!, "http://x").searchParams.get("offset")).toBe("300");
});

test("following the next links visits every item once, in order, and the last page has no next", async ({ request }) => {
  const seen: string[] = [];
  let path: string | undefined = `/api/programs/${slug}/items?sort=title&dir=desc&limit=120&area=Core`;
  let pages = 0;
  let total = "";
  while (path) {
    const res = await call(request, "viewer", "GET", path);
    expect(res.status(), path).toBe(200);
    total = res.headers()["x-total-count"]!;
    seen.push(...keys(await res.json()));
    const rel = links(res);
    if (pages > 0) expect(rel.prev, `page ${pages} links back`).toBeDefined();
    path = rel.next;
    pages += 1;
  }
  const whole = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items?sort=title&dir=desc&limit=1000&area=Core`)).json();
  expect(seen).toEqual(keys(whole));
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toHaveLength(Number(total));
  expect(pages).toBe(Math.ceil(Number(total) / 120));
});

test("the next link keeps the filters and pins the date and the moment of knowledge", async ({ request }) => {
  const res = await call(request, "viewer", "GET", `/api/programs/${slug}/items?q=number%201&limit=5`);
  const next = new URL(links(res).next!, "http://x").searchParams;
  expect(next.get("q")).toBe("number 1");
  expect(next.get("limit")).toBe("5");
  expect(next.get("asOf")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(next.get("knownAt")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
});

test("limit goes up to 1000; more, or an unknown field, is refused naming the parameter", async ({ request }) => {
  const all = await call(request, "viewer", "GET", `/api/programs/${slug}/items?limit=1000`);
  expect(await all.json()).toHaveLength(COUNT);
  expect(links(all).next).toBeUndefined();
  const tooMany = await expectProblem(await call(request, "viewer", "GET", `/api/programs/${slug}/items?limit=1001`), 400);
  expect(tooMany.errors?.[0]?.path).toBe("limit");
  const badField = await expectProblem(await call(request, "viewer", "GET", `/api/programs/${slug}/items?fields=key,password`), 400);
  expect(badField.errors?.[0]?.path).toMatch(/^fields/);
});

test("a key picker's search answers only the asked fields of the matching items", async ({ request }) => {
  const res = await call(request, "viewer", "GET", `/api/programs/${slug}/items?search=i-02&fields=key,title&limit=20`);
  const rows = await res.json();
  expect(keys(rows)).toEqual(Array.from({ length: 10 }, (_, i) => key(20 + i)));
  for (const row of rows) expect(Object.keys(row)).toEqual(["key", "title"]);
  expect(res.headers()["x-total-count"]).toBe("10");
});

test("the CSV holds every matching item, not a page, and takes the same fields", async ({ request }) => {
  const csv = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items.csv`)).text();
  expect(csv.trim().split(/\r?\n/)).toHaveLength(COUNT + 1);
  const picked = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items.csv?fields=key,trueStatus&search=I-001`)).text();
  expect(picked.trim().split(/\r?\n/)).toEqual(["key,trueStatus", "I-001,not_started"]);
});

test("the item answer carries its own relations, not every key of the program", async ({ request }) => {
  const res = await call(request, "viewer", "GET", `/api/programs/${slug}/items/${key(10)}`);
  const item = await res.json();
  expect(item).not.toHaveProperty("allKeys");
  expect(item.dependsOn.map((d: { key: string }) => d.key)).toEqual([key(9)]);
  expect((await res.body()).length).toBeLessThan(4000);
});
