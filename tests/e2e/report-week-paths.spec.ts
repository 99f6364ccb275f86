/**
 * Odd addresses of a week's report page (and of an item's and a claim's), as a signed-in viewer types or follows them: an escaped
 * "%", an escape cut short, a climb out of the folder, a path one level too deep, a segment of
 * 5,000 characters. Each is that program's readable 404 — its name and navigation above the
 * "no report for that week" words — never a 500, never a stack trace, and never an error in the
 * server's output (a page that throws while Next.js still answers 404 is a crash all the same).
 * The paths are sent byte for byte (no client-side normalisation) and then opened in the browser.
 *
 * The server's output must be read, so this spec starts one of its own (tests/support/own-server.ts)
 * on REPORT_PATHS_PORT (default 3128).
 */
import { expect, test, type Page } from "@playwright/test";
import { drawn } from "../support/drawn-html";
import { rawRequest } from "../support/hostile-values";
import { ownPort, OwnServer, trackerCli } from "../support/own-server";
import { signIn } from "../support/sign-in";

const PORT = Number(process.env.REPORT_PATHS_PORT ?? ownPort(3128));
const SLUG = "boost-offload";
const NAME = "Boost offload program";
const WEEK_NOT_FOUND = "This program has no report for that week.";
/** What the server writes when a request fails inside it: Next.js's error mark, a stack frame, a URIError. */
const SERVER_ERROR = /⨯|URIError|\bat \S+ \(|Error: /;

const ODD_WEEKS = [
  "%25", // "%" itself: decoded again, it throws
  "%25E0%25A4%25A", // an escaped broken escape
  "%E0%A4%A", // a broken escape: an incomplete UTF-8 sequence, then "%A"
  "%ff",
  "2024-W52%",
  "..%2F..%2Fetc",
  "..%2F..%2F..%2Fetc%2Fpasswd",
  "%2e%2e%2f%2e%2e%2fetc",
  "2024-W52/extra",
  "2024-W52/%25",
  "%00",
  "%F0%9F%92%A5", // an emoji
  "'%20OR%201%3D1%20--",
  "x".repeat(5000),
];

let server: OwnServer;
let page: Page;

test.setTimeout(120_000);

test.beforeAll(async ({ browser }) => {
  server = await OwnServer.start({ port: PORT });
  page = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
  await signIn(page, "viewer");
});

test.afterAll(async () => {
  await page?.context().close();
  await server?.dispose();
});

test("odd week segments are the program's own 404 for a viewer: never a 500, nothing thrown on the server", async () => {
  const session = (await page.context().cookies()).find((c) => c.name === "tracker_session");
  expect(session, "the viewer's session cookie").toBeDefined();
  const headers = { cookie: `tracker_session=${session!.value}` };
  const quiet = server.output.length;

  for (const week of ODD_WEEKS) {
    const path = `/programs/${SLUG}/reports/${week}`;
    const res = await rawRequest(server.baseURL, { method: "GET", path, headers });
    const what = `${path.slice(0, 80)} → ${res.status}`;
    expect(res.status, what).toBe(404);
    expect(res.body, what).not.toMatch(/\bat \S+ \(|node_modules|URIError|Internal Server Error/);
    // Inside the program's page: its name and the week's own not-found words, drawn by the server.
    expect(drawn(res.body), what).toContain(NAME);
    expect(drawn(res.body), what).toContain(WEEK_NOT_FOUND);
    expect(server.output.slice(quiet), `server output after ${what}`).not.toMatch(SERVER_ERROR);
  }

  // As a person sees them: the program's navigation, the words, and no error page.
  for (const week of ["%25", "%E0%A4%A", "..%2F..%2Fetc", "2024-W52/extra", "x".repeat(5000)]) {
    const res = await page.goto(`/programs/${SLUG}/reports/${week}`);
    expect(res?.status(), week.slice(0, 40)).toBe(404);
    await expect(page.getByRole("navigation", { name: "Program" }).getByRole("link", { name: "Reports" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByText(WEEK_NOT_FOUND)).toBeVisible();
  }
  expect(server.output.slice(quiet), "server output").not.toMatch(SERVER_ERROR);

  // The page itself still answers, and a day of the week still leads to its week.
  expect((await rawRequest(server.baseURL, { method: "GET", path: `/programs/${SLUG}/reports/2024-W52`, headers })).status).toBe(200);
  const day = await rawRequest(server.baseURL, { method: "GET", path: `/programs/${SLUG}/reports/2024-12-27`, headers });
  expect([303, 307, 308]).toContain(day.status);
  expect(day.headers.location).toMatch(new RegExp(`/programs/${SLUG}/reports/2024-W52$`));
});

test("odd item keys and claim ids are the program's own 404 too, with nothing thrown on the server", async () => {
  const session = (await page.context().cookies()).find((c) => c.name === "tracker_session");
  const headers = { cookie: `tracker_session=${session!.value}` };
  const quiet = server.output.length;
  for (const kind of ["items", "claims"])
    for (const name of ["%25", "FND-01%25", "%25E0%25A4%25A", "%E0%A4%A", "x".repeat(5000)]) {
      const path = `/programs/${SLUG}/${kind}/${name}`;
      const res = await rawRequest(server.baseURL, { method: "GET", path, headers });
      const what = `${path.slice(0, 80)} → ${res.status}`;
      expect(res.status, what).toBe(404);
      expect(drawn(res.body), what).toContain(NAME);
      expect(drawn(res.body), what).toContain("There is no item or claim by that name in this program.");
      expect(server.output.slice(quiet), `server output after ${what}`).not.toMatch(SERVER_ERROR);
    }
  expect((await rawRequest(server.baseURL, { method: "GET", path: `/programs/${SLUG}/items/FND-01`, headers })).status).toBe(200);
});

test("without a session, a broken escape is still a plain 404, not a way around sign-in", async () => {
  const res = await rawRequest(server.baseURL, { method: "GET", path: `/programs/${SLUG}/reports/%E0%A4%A` });
  expect(res.status).toBe(404);
  expect(res.body).not.toContain(NAME);
  const plain = await rawRequest(server.baseURL, { method: "GET", path: `/programs/${SLUG}/reports/%25` });
  expect(plain.status).toBe(307);
  expect(plain.headers.location).toMatch(/^\/sign-in\?next=/);
});

test("without script, an unknown program, item, claim or week still reads as its 404, drawn by the server", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.baseURL, javaScriptEnabled: false });
  await context.addCookies(await page.context().cookies());
  const noScript = await context.newPage();
  const cases = [
    [`/programs/${SLUG}/items/NOPE-1`, "There is no item or claim by that name in this program."],
    [`/programs/${SLUG}/claims/no-such-claim`, "There is no item or claim by that name in this program."],
    [`/programs/${SLUG}/reports/2099-W01`, WEEK_NOT_FOUND],
    [`/programs/${SLUG}/reports/2024-W52/extra`, WEEK_NOT_FOUND],
  ] as const;
  for (const [path, words] of cases) {
    const res = await noScript.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(noScript.getByRole("heading", { level: 1, name: "Not found" }), path).toBeVisible();
    await expect(noScript.getByText(words), path).toBeVisible();
    await expect(noScript.getByText(NAME, { exact: true }), path).toBeVisible();
    await expect(noScript.getByRole("navigation", { name: "Program" }).getByRole("link", { name: "Items" }), path).toBeVisible();
  }
  const res = await noScript.goto("/programs/no-such-program/items/FND-01");
  expect(res?.status()).toBe(404);
  await expect(noScript.getByText("Nothing is here. The address may be mistyped, or the program was never imported.")).toBeVisible();
  await expect(noScript.getByRole("navigation", { name: "Program" })).toHaveCount(0);
  // What exists is still the page itself.
  expect((await noScript.goto(`/programs/${SLUG}/items/FND-01`))?.status()).toBe(200);
  await expect(noScript.getByRole("heading", { level: 1 })).toContainText("FND-01");
  await context.close();
});

test("a forged session learns nothing about which names exist: every address leads to sign-in", async () => {
  const headers = { cookie: "tracker_session=bts_forged-session-value" };
  for (const path of [`/programs/${SLUG}/items/FND-01`, `/programs/${SLUG}/items/NOPE-1`, "/programs/no-such-program", `/programs/${SLUG}/reports/2099-W01`]) {
    const res = await rawRequest(server.baseURL, { method: "GET", path, headers });
    expect(res.status, path).toBe(307);
    expect(res.headers.location, path).toMatch(/^\/sign-in\?/);
  }
  // Nor can a request choose what a 404 page says, signed in or not.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const spoofed = await rawRequest(server.baseURL, { method: "GET", path: "/no-such-page", headers: { cookie, "x-tracker-missing": `item ${SLUG}` } });
  expect(spoofed.status).toBe(404);
  expect(drawn(spoofed.body)).toContain("Nothing is here.");
  expect(drawn(spoofed.body)).not.toContain(NAME);
  for (const value of [`item ${SLUG}`, "item %00", `week ${"x".repeat(5000)}`]) {
    const direct = await rawRequest(server.baseURL, { method: "GET", path: "/_invalid-path", headers: { "x-tracker-missing": value } });
    expect(direct.status, value.slice(0, 40)).toBe(404);
    expect(drawn(direct.body), value.slice(0, 40)).not.toContain(NAME);
  }
});

test("a person who must still choose a password is sent to choose it, not told which names exist", async ({ browser }) => {
  const email = `one-time-${Date.now()}@example.com`;
  const added = trackerCli(server.databaseUrl, ["user", "add", "--email", email, "--name", "One Time", "--role", "viewer", "--one-time-password"]);
  expect(added.code, added.stderr).toBe(0);
  const oneTime = added.stdout.trim().split("\n").at(-1)!;
  const context = await browser.newContext({ baseURL: server.baseURL });
  const fresh = await context.newPage();
  await fresh.goto("/sign-in");
  await fresh.getByLabel("E-mail").fill(email);
  await fresh.getByLabel("Password").fill(oneTime);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh).toHaveURL(/\/account\/password$/);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  for (const path of [`/programs/${SLUG}/items/NOPE-1`, `/programs/${SLUG}/items/FND-01`]) {
    const res = await rawRequest(server.baseURL, { method: "GET", path, headers: { cookie } });
    expect(res.status, path).toBe(307);
    expect(res.headers.location, path).toBe("/account/password");
  }
  await context.close();
});
