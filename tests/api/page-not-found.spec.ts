/**
 * A page's 404 as the server draws it, on either database: for a signed-in person an unknown
 * program, item, claim or week (a NUL in the name included, which PostgreSQL cannot hold) is a 404
 * with the words in the HTML itself, never a 500; and what a request says in the header the proxy
 * uses for those words changes nothing.
 */
import { expect, test } from "@playwright/test";
import { drawn } from "../support/drawn-html";
import { fetchAction, loadActions } from "../support/server-actions";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const SLUG = "boost-offload";
const PROGRAM_NAME = "Boost offload program";
const THING = "There is no item or claim by that name in this program.";
const NOTHING = "Nothing is here.";
let baseURL = "";
let cookie = "";

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${baseURL}${path}`, { headers: { cookie, ...headers }, redirect: "manual" });
  return { status: res.status, html: drawn(await res.text()) };
};

test.beforeAll(async ({ baseURL: url }) => {
  baseURL = url!;
  const r = await fetchAction(baseURL, loadActions().signInAction!, ["$undefined", "$K1"], [["email", TEST_ACCOUNTS.viewer.email], ["password", process.env.TEST_PASSWORD!]]);
  cookie = `tracker_session=${r.setCookies.map((c) => /tracker_session=([^;]+)/.exec(c)?.[1]).find(Boolean)}`;
  expect(cookie).not.toBe("tracker_session=undefined");
});

test("an unknown name in a program is its 404, drawn by the server in the program's frame", async () => {
  for (const path of [`/programs/${SLUG}/items/NOPE-1`, `/programs/${SLUG}/items/FND-01%00`, `/programs/${SLUG}/claims/%00`, `/programs/${SLUG}/reports/2099-W01`]) {
    const { status, html } = await get(path);
    expect(status, path).toBe(404);
    expect(html, path).toContain(PROGRAM_NAME);
    expect(html, path).toContain(path.includes("/reports/") ? "This program has no report for that week." : THING);
  }
  for (const path of ["/programs/no-such-program", "/programs/%00", "/programs/%00/items/FND-01"]) {
    const { status, html } = await get(path);
    expect(status, path).toBe(404);
    expect(html, path).toContain(NOTHING);
    expect(html, path).not.toContain(PROGRAM_NAME);
  }
  expect((await get(`/programs/${SLUG}/items/FND-01`)).status).toBe(200);
});

test("the header that carries what was missing is the proxy's alone: a request's own is ignored or harmless", async () => {
  for (const value of [`item ${SLUG}`, "item %00", "week %E0%A4%A", `claim ${"x".repeat(4000)}`]) {
    for (const path of ["/no-such-page", "/_invalid-path"]) {
      const signedOut = await fetch(`${baseURL}${path}`, { headers: { "x-tracker-missing": value }, redirect: "manual" });
      // Signed out, a page leads to sign-in; the path the proxy rewrites to answers 404 to anyone.
      expect(signedOut.status, `${path} ${value.slice(0, 30)} signed out`).toBe(path === "/_invalid-path" ? 404 : 307);
      expect(drawn(await signedOut.text())).not.toContain(PROGRAM_NAME);
      const signedIn = await get(path, { "x-tracker-missing": value });
      expect(signedIn.status, `${path} ${value.slice(0, 30)}`).toBe(404);
      if (path === "/no-such-page") expect(signedIn.html).not.toContain(PROGRAM_NAME);
    }
  }
});
