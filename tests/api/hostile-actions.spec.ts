/**
 * Server actions: POSTs to pages with a `Next-Action` header — bogus ids, real ids
 * with bodies Next cannot decode, real ids with argument lists of the wrong shape (no form, an
 * object or a string where the form or a bound slug belongs), and real, well-formed calls whose
 * form fields are hostile — signed out and signed in as admin. Nothing may be written (digest of
 * every table) and the app keeps serving; every call that reaches our code is answered with a
 * refusal in the page state, never a 500. A text body that is not JSON cannot be a call React
 * made: proxy.ts answers it with a 400 problem before Next.js would fail on it with a 500.
 *
 * The wire format is React's: a multipart body whose field "0" is the JSON array of arguments,
 * "$K1" standing for a FormData made of the fields prefixed "_1_" (sent before "0").
 */
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import fc from "fast-check";
import { STATUSES } from "@/lib/status";
import { changedTables, databaseDigest } from "../support/db-digest";
import { isPostgresUrl } from "../support/sql-on";
import { BAD_DATES, INJECTIONS, rawRequest } from "../support/hostile-values";
import { mintTokens } from "../support/own-server";
import { actionBody, loadActions, type ActionRef } from "../support/server-actions";
import { smallBundle } from "../support/small-bundle";
import { TEST_ACCOUNTS } from "../support/test-accounts";

const SEED = 4_242;

let slug = "";
let origin = "";
let adminToken = "";
let actions: Record<string, ActionRef> = {};
const statuses: Record<string, Record<number, number>> = {};
const note = (group: string, status: number) => {
  statuses[group] ??= {};
  statuses[group]![status] = (statuses[group]![status] ?? 0) + 1;
};

async function unchanged(label: string, batch: () => Promise<void>) {
  const before = await databaseDigest();
  await batch();
  expect(changedTables(before, await databaseDigest()), `${label}: tables written`).toEqual([]);
}

/** A server-action call as React makes it (tests/support/server-actions.ts), in a cookie-keeping context. */
async function callAction(ctx: APIRequestContext, action: ActionRef, args: unknown[], fields: [string, string][] = []): Promise<APIResponse> {
  return ctx.fetch(action.page, {
    method: "POST",
    headers: { "next-action": action.id, accept: "text/x-component", origin },
    multipart: actionBody(args, fields),
    maxRedirects: 0,
  });
}

/** No stack trace, path or SQL in what the client gets back. */
async function expectNoLeak(res: APIResponse, what: string) {
  const text = await res.text();
  expect(text, what).not.toMatch(/\bat \S+ \(|node_modules|SqliteError|SQLITE_|\.ts:\d+/);
}

let admin: APIRequestContext;
let anonymous: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  origin = new URL(baseURL!).origin;
  actions = loadActions();
  expect(Object.keys(actions).length).toBeGreaterThanOrEqual(10);
  adminToken = mintTokens(process.env.E2E_DATABASE_URL!, [TEST_ACCOUNTS.admin.email])[0]!.token;
  anonymous = await playwrightRequest.newContext({ baseURL });
  admin = await playwrightRequest.newContext({ baseURL });
  slug = `actions-${Date.now()}`;
  const imported = await anonymous.post("/api/programs/import", { headers: { authorization: `Bearer ${adminToken}` }, data: smallBundle(slug) });
  expect(imported.status()).toBe(201);
  actions = loadActions({ slug, key: "A", id: "c1" }); // page URLs name the fixture program
  // Sign in as admin through the sign-in action itself; the context keeps the session cookie.
  const signIn = await callAction(admin, actions.signInAction!, ["$undefined", "$K1"], [
    ["email", TEST_ACCOUNTS.admin.email],
    ["password", process.env.TEST_PASSWORD!],
    ["next", "//evil.example/steal"],
  ]);
  expect(signIn.status()).toBe(200);
  expect((await admin.storageState()).cookies.map((c) => c.name)).toContain("tracker_session");
  // `next` pointing off-site is ignored: the redirect stays here.
  expect(signIn.headers()["x-action-redirect"] ?? "").toMatch(/^\/(?!\/)/);
});

test.afterAll(async () => {
  await admin?.dispose();
  await anonymous?.dispose();
  console.log(`server actions: statuses by case ${JSON.stringify(statuses)}`);
});

test("bogus action ids with garbage bodies: refused by Next.js before any code runs, nothing written", async ({ baseURL }) => {
  const ids = fc.sample(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 40, maxLength: 42 }), { seed: SEED, numRuns: 12 });
  const odd = ["0000bogus", "", "00".repeat(300), "../../etc/passwd", "' OR 1=1 --", "\xff\xfe"];
  const bodies: { type: string; body: string }[] = [
    { type: "text/plain;charset=UTF-8", body: "garbage[[[" },
    { type: "text/plain;charset=UTF-8", body: '["$K1","$Q2","$@3"]' },
    { type: "application/json", body: '{"__proto__":{"admin":true}}' },
    { type: "multipart/form-data; boundary=xx", body: '--xx\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--xx--\r\n' },
    { type: "application/x-www-form-urlencoded", body: "a=1&b=%ff" },
  ];
  await unchanged("bogus ids", async () => {
    for (const [n, id] of [...ids, ...odd].entries())
      for (const page of ["/", "/sign-in", `/programs/${slug}/items/A`]) {
        const b = bodies[n % bodies.length]!;
        const res = await rawRequest(baseURL!, { method: "POST", path: page, headers: { "next-action": id, "content-type": b.type }, body: b.body });
        note("bogus id", res.status);
        expect(res.status, `${page} Next-Action: ${id.slice(0, 50)}`).toBeLessThan(500);
        expect(res.body).not.toMatch(/\bat \S+ \(|node_modules/);
      }
  });
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
});

test("real action ids with bodies React cannot decode: a 400 problem, nothing is written, the app lives on", async ({ baseURL }) => {
  const garbage = ["garbage[[[", "{", '["$K1"', "\u0000\u0001", '[' + "[".repeat(5000)];
  await unchanged("undecodable bodies", async () => {
    for (const action of Object.values(actions))
      for (const body of garbage) {
        const res = await rawRequest(baseURL!, {
          method: "POST",
          path: action.page,
          headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin },
          body,
        });
        note("undecodable body", res.status);
        expect(res.status, `${action.name}: ${JSON.stringify(body.slice(0, 20))}`).toBe(400);
        expect(res.headers["content-type"], action.name).toContain("application/problem+json");
        expect(res.body, action.name).not.toMatch(/\bat \S+ \(|node_modules|SqliteError/);
      }
  });
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
  expect((await fetch(`${baseURL}/sign-in`)).status).toBe(200);
});

/** Well-formed calls, one per action, with form fields that cannot be accepted. */
const notStatus = fc.oneof(fc.constantFrom(...INJECTIONS, "DONE", "done ", "6", ""), fc.string({ maxLength: 20 })).filter((s) => !(STATUSES as readonly string[]).includes(s.trim()));
const hostile = fc.oneof(fc.constantFrom(...INJECTIONS, ...BAD_DATES, "x".repeat(20_000), "-1", "NaN", "1e309"), fc.string({ maxLength: 40 }));
const badVersion = fc.constantFrom("", "abc", "-1", "0", "1.5", "99", "1e999", "0x1", " ");
const noSuchKey = fc.constantFrom(...INJECTIONS, "NO-SUCH", "../A", "A/../B", "");
const badSlug = fc.constantFrom(...INJECTIONS, "UPPER", "-lead", "", "a".repeat(80));
const noSuchPerson = fc.constantFrom(...INJECTIONS, "nobody@nowhere.example", "", "x".repeat(5000), "a@b", "../../admin@test.example");
const noSuchComment = fc.constantFrom(...INJECTIONS, "abc", "-1", "0", "1", "2", "1.5", "1e999", "99999999", "");
const notRole = fc.oneof(fc.constantFrom(...INJECTIONS, "Admin", "root", "admin ", ""), fc.string({ maxLength: 20 })).filter((s) => !["viewer", "contributor", "reviewer", "admin"].includes(s));

interface Case {
  action: string;
  args: () => unknown[];
  fields: fc.Arbitrary<[string, string][]>;
  /** Hostile bound arguments instead of `args`. */
  argsArb?: fc.Arbitrary<unknown[]>;
}
const entries = (...pairs: [string, fc.Arbitrary<string>][]) => fc.tuple(...pairs.map(([k, a]) => a.map((v) => [k, v] as [string, string])));
const CASES: Case[] = [
  {
    action: "reportTransitionAction",
    args: () => [slug, "A", "$undefined", "$K1"],
    fields: entries(["to", notStatus], ["effectiveAt", hostile], ["note", hostile], ["evidenceKind", hostile], ["evidenceUrl", hostile], ["evidenceSummary", hostile]),
  },
  { action: "verifyTransitionAction", args: () => [slug, "A", "$undefined", "$K1"], fields: entries(["transitionId", fc.constantFrom("abc", "-1", "0", "99999999", "1e999", "")], ["note", hostile]) },
  // A well-formed reason on a real transition would be accepted: every call here names no transition of A.
  {
    action: "rejectTransitionAction",
    args: () => [slug, "A", "$undefined", "$K1"],
    fields: entries(["transitionId", fc.constantFrom("abc", "-1", "0", "99999999", "1e999", "", "1")], ["reason", hostile], ["note", hostile]),
  },
  // The review form's one action: either decision, or a decision it does not know (taken as verify), on no transition of A.
  {
    action: "decideTransitionAction",
    args: () => [slug, "A", "$undefined", "$K1"],
    fields: entries(
      ["decision", fc.constantFrom("verify", "reject", "", "approve", ...INJECTIONS)],
      ["transitionId", fc.constantFrom("abc", "-1", "0", "99999999", "1e999", "")],
      ["reason", hostile],
      ["note", hostile],
    ),
  },
  {
    action: "editItemAction",
    args: () => [slug, "A", "$undefined", "$K1"],
    fields: entries(["version", badVersion], ["title", hostile], ["owner", hostile], ["estimateWeeks", hostile], ["targetDate", hostile]),
  },
  // A key that can be no item's, or the program's own A (409): nothing is ever added.
  {
    action: "createItemAction",
    args: () => [slug, "$undefined", "$K1"],
    fields: entries(
      ["key", fc.constantFrom(...INJECTIONS, "", "../A", "A/B", " A", "x".repeat(41), "A")],
      ["title", hostile],
      ["area", hostile],
      ["owner", hostile],
      ["estimateWeeks", hostile],
      ["identifiedAt", hostile],
      ["targetDate", hostile],
    ),
  },
  { action: "addDependencyAction", args: () => [slug, "A", "$undefined", "$K1"], fields: entries(["dependsOn", noSuchKey]) },
  { action: "removeDependencyAction", args: () => [slug, "A", "$undefined", "$K1"], fields: entries(["dependsOn", noSuchKey]) },
  {
    action: "createClaimAction",
    args: () => [slug, "$undefined", "$K1"],
    fields: entries(["id", badSlug], ["date", hostile], ["speaker", hostile], ["quote", hostile], ["url", hostile], ["linkItem", noSuchKey], ["linkRequires", hostile]),
  },
  { action: "editClaimAction", args: () => [slug, "no-such-claim", "$undefined", "$K1"], fields: entries(["version", badVersion], ["date", hostile], ["quote", hostile]) },
  { action: "createProgramAction", args: () => ["$undefined", "$K1"], fields: entries(["slug", badSlug], ["name", hostile], ["targetDate", hostile]) },
  { action: "editProgramAction", args: () => [slug, "$undefined", "$K1"], fields: entries(["version", badVersion], ["name", hostile], ["testCoveragePct", hostile], ["targetDate", hostile]) },
  {
    action: "publishWeekAction",
    args: () => [],
    argsArb: fc.constantFrom(...INJECTIONS, "2024-W99", "2024-W00", "9999-W01", "../2024-W10", "2024-W10.md", "").map((week) => [slug, week, "$undefined", "$K1"]),
    fields: fc.constant([]),
  },
  { action: "signInAction", args: () => ["$undefined", "$K1"], fields: entries(["email", fc.constantFrom(...INJECTIONS, "nobody@nowhere.example")], ["password", hostile], ["next", fc.constantFrom("//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)")]) },
  // People: an e-mail of no account (or one the action must refuse), and a role that is none.
  {
    action: "addPersonAction",
    args: () => ["$undefined", "$K1"],
    fields: entries(["email", fc.oneof(noSuchPerson, fc.constant(TEST_ACCOUNTS.viewer.email))], ["name", hostile], ["team", hostile], ["role", notRole]),
  },
  { action: "setRoleAction", args: () => ["$undefined", "$K1"], fields: entries(["email", noSuchPerson], ["role", fc.oneof(notRole, fc.constantFrom("admin", "viewer"))]) },
  // Never the admin's own e-mail for disable: with a second admin it would succeed.
  { action: "resetPasswordAction", args: () => ["$undefined", "$K1"], fields: entries(["email", fc.oneof(noSuchPerson, fc.constant(TEST_ACCOUNTS.admin.email))]) },
  { action: "disableAccountAction", args: () => ["$undefined", "$K1"], fields: entries(["email", noSuchPerson]) },
  { action: "enableAccountAction", args: () => ["$undefined", "$K1"], fields: entries(["email", fc.oneof(noSuchPerson, fc.constant(TEST_ACCOUNTS.viewer.email))]) },
  // The repeat never matches (the admin's password must not change), and the current password is never right.
  {
    action: "changePasswordAction",
    args: () => ["$undefined", "$K1"],
    fields: entries(["current", hostile], ["password", hostile], ["confirm", fc.constant("\u0000never the same")], ["next", fc.constantFrom("//evil.example", "javascript:alert(1)")]),
  },
  // Signing in again from a page that asks for it: the password is never the admin's, the page to read again never another site's.
  {
    action: "confirmSignInAction",
    args: () => [],
    argsArb: fc.constantFrom(...INJECTIONS, "//evil.example", "https://evil.example", "javascript:alert(1)", "/people").map((p) => [p, "$undefined", "$K1"]),
    fields: entries(["password", hostile]),
  },
  // Comments: the fixture program has none, so no comment id names one of its comments, and no
  // subject below exists (a well-formed text on a real item would be accepted).
  {
    action: "addCommentAction",
    args: () => [],
    argsArb: fc
      .tuple(fc.constantFrom("item", "claim", "ITEM", "comment", "", ...INJECTIONS), noSuchKey)
      .map(([on, ref]) => [slug, on, ref, "$undefined", "$K1"]),
    fields: entries(["body", hostile]),
  },
  { action: "editCommentAction", args: () => [slug, "$undefined", "$K1"], fields: entries(["commentId", noSuchComment], ["version", badVersion], ["body", hostile]) },
  { action: "deleteCommentAction", args: () => [slug, "$undefined", "$K1"], fields: entries(["commentId", noSuchComment]) },
  // Ids of no token (an admin may revoke anyone's, so never a small number that may exist).
  { action: "revokeTokenAction", args: () => ["$undefined", "$K1"], fields: entries(["id", fc.constantFrom(...INJECTIONS, "99999999", "999999999999999", "9".repeat(40), "0", "-1", "1.5", "1e3", "abc", "")]) },
  // Report delivery: a kind that is none, ids of no subscription, weeks that are not published, programs that do not exist.
  {
    action: "addSubscriptionAction",
    args: () => [slug, "$undefined", "$K1"],
    fields: entries(["kind", fc.oneof(fc.constantFrom(...INJECTIONS, "Email", "sms", ""), fc.string({ maxLength: 12 })).filter((k) => !["email", "webhook", "slack", "teams"].includes(k.trim()))], ["target", hostile]),
  },
  {
    action: "setSubscriptionEnabledAction",
    args: () => [slug, "$undefined", "$K1"],
    fields: entries(["id", fc.constantFrom(...INJECTIONS, "99999999", "0", "-1", "1.5", "1e3", "#1", " 1", "")], ["enabled", fc.constantFrom("true", "false", "", "yes")], ["version", badVersion]),
  },
  { action: "removeSubscriptionAction", args: () => [slug, "$undefined", "$K1"], fields: entries(["id", fc.constantFrom(...INJECTIONS, "99999999", "0", "-1", "1.5", "1e3", "#1", " 1", "")]) },
  // Any call on a real program would make a new feed address: every call here names no program.
  {
    action: "rotateFeedTokenAction",
    args: () => [],
    argsArb: fc.constantFrom(...INJECTIONS, "no-such-program", "", "../x").map((s) => [s, "$undefined", "$K1"]),
    fields: fc.constant([]),
  },
  // Nothing of the fixture program is published: every week is refused.
  { action: "sendAgainAction", args: () => [slug, "$undefined", "$K1"], fields: entries(["week", fc.constantFrom(...INJECTIONS, "2024-W52", "2024-W99", "9999-W01", "2024-52", "")]) },
];

test("well-formed action calls with hostile fields, signed out and as admin: a refusal in the page state, never a write", async () => {
  test.slow(isPostgresUrl(), "each 'nothing written' check reads every table over a PostgreSQL connection");
  const names = new Set(CASES.map((c) => c.action));
  // Any name makes a token (tests/api/sessions-tokens.spec.ts), and signing out takes no input.
  const rest = Object.keys(actions).filter((n) => !names.has(n) && !["createTokenAction", "signOutAction"].includes(n));
  expect(rest, "server actions without a hostile case").toEqual([]);
  for (const c of CASES) {
    const action = actions[c.action];
    if (!action) continue; // not in this build
    for (const [who, ctx] of [["signed out", anonymous], ["admin", admin]] as const) {
      await unchanged(`${c.action} ${who}`, async () => {
        await fc.assert(
          fc.asyncProperty(c.fields, c.argsArb ?? fc.constant(null), async (fields, hostileArgs) => {
            const res = await callAction(ctx, action, hostileArgs ?? c.args(), fields);
            note(`${c.action} ${who}`, res.status());
            const what = `${c.action} (${who}) ${JSON.stringify([hostileArgs, fields]).slice(0, 300)}`;
            await expectNoLeak(res, what);
            expect(res.status(), what).toBe(200);
            const text = await res.text();
            expect(text, what).toMatch(/"status":"error"|"error":"[^"]+"/);
            const redirect = res.headers()["x-action-redirect"];
            if (redirect !== undefined) expect(redirect, what).toMatch(/^\/(?!\/)/);
          }),
          { seed: SEED, numRuns: (who === "admin" ? 12 : 4) * (process.env.SOAK ? 10 : 1), endOnFailure: true },
        );
      });
    }
  }
});

test("revoking a token id that is not yours or does not exist is a refusal in words, nothing written", async () => {
  await unchanged("revoke unknown token", async () => {
    const res = await callAction(admin, actions.revokeTokenAction!, ["$undefined", "$K1"], [["id", "99999999"]]);
    expect(res.status()).toBe(200);
    expect(await res.text()).toMatch(/"status":"error","message":"no token #99999999"/);
    const signedOut = await callAction(anonymous, actions.revokeTokenAction!, ["$undefined", "$K1"], [["id", "1"]]);
    expect(signedOut.status()).toBe(200);
    expect(await signedOut.text()).toMatch(/"status":"error","message":"Your session has ended/);
  });
});

/**
 * Argument lists React can encode but no form of ours sends: nothing, null, numbers, a string or a
 * plain object where the FormData belongs, an object or a number where a bound slug belongs. None
 * of them is a well-formed call of any action (so none may write), and each must be refused by the
 * action itself: a 200 whose state is an error, never a 500.
 */
test("wrong-shaped argument lists to real actions: a refusal in the page state, never a 500 or a write", async ({ baseURL }) => {
  const shapes: unknown[][] = [
    [],
    [null],
    ["$K1"],
    [1, 2, 3],
    [slug],
    [slug, "A"],
    [{ a: 1 }, "$undefined", "$undefined", "$undefined"],
    ["x".repeat(10_000)],
    ["$undefined", "to=done&note=x"],
    ["$undefined", { to: "done", email: TEST_ACCOUNTS.admin.email, password: "x" }],
    [slug, "A", "$undefined", { to: "done", note: "x" }],
    [{ slug }, "A", "$undefined", "$K1"],
    [42, ["A"], "$undefined", "$K1"],
  ];
  let calls = 0;
  await unchanged("wrong-shaped args", async () => {
    for (const action of Object.values(actions))
      for (const ctx of action.name === "signOutAction" ? [anonymous] : [anonymous, admin])
        for (const args of shapes) {
          const res = await callAction(ctx, action, args, [["to", "done"], ["id", "1"]]);
          calls++;
          note("wrong-shaped args", res.status());
          const what = `${action.name} ${JSON.stringify(args).slice(0, 80)}`;
          await expectNoLeak(res, what);
          expect(res.status(), what).toBeLessThan(500);
          if (action.name === "signOutAction") continue; // takes no input: it signs out (no one here) and redirects
          expect(res.status(), what).toBe(200);
          // Refused by the shared guard (app/_lib/action-args.ts), before any other check.
          expect(await res.text(), what).toMatch(/"(?:message|error)":"This form reached the server in a shape it does not accept/);
        }
  });
  test.info().annotations.push({ type: "statuses", description: `${calls} calls with wrong-shaped arguments: ${JSON.stringify(statuses["wrong-shaped args"])}` });
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
});
