/**
 * DESIGN §13 "four eyes over time" over HTTP: stepping aside as owner, verifying and stepping back
 * is refused, and the refusal says which rule was broken. The small bundle's D is owned by the
 * reviewer account, A by the contributor account.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { expectProblem } from "../support/api-answers";
import { actionBody, loadActions } from "../support/server-actions";
import { smallBundle } from "../support/small-bundle";
import { TEST_ACCOUNTS } from "../support/test-accounts";
import { call, type Caller } from "../support/api-client";

const REVIEWER = TEST_ACCOUNTS.reviewer.email;
const CONTRIBUTOR = TEST_ACCOUNTS.contributor.email;
const ADMIN = TEST_ACCOUNTS.admin.email;

let n = 0;
async function freshProgram(request: APIRequestContext) {
  const slug = `eyes-${Date.now()}-${++n}`;
  expect((await call(request, "admin", "POST", "/api/programs/import", smallBundle(slug))).status()).toBe(201);
  const report = async (key: string) => {
    const res = await call(request, "contributor", "POST", `/api/programs/${slug}/items/${key}/transitions`, { to: "design" });
    expect(res.status()).toBe(201);
    return (await res.json()) as { id: number; recordedAt: string };
  };
  const edit = async (who: Caller, key: string, fields: object) => {
    const { version } = await (await call(request, "viewer", "GET", `/api/programs/${slug}/items/${key}`)).json();
    const res = await call(request, who, "PATCH", `/api/programs/${slug}/items/${key}`, { ...fields, version });
    expect(res.status(), await res.text()).toBe(200);
  };
  const verify = (id: number, who: Caller = "reviewer") => call(request, who, "POST", `/api/programs/${slug}/transitions/${id}/verify`, {});
  const lastEdit = async () => (await (await call(request, "admin", "GET", `/api/audit/log?program=${slug}&limit=1`)).json())[0].at as string;
  /** A transition reported on `key`, then `who` sets the item's owner: the transition, and when the owner changed. */
  const reportThenSetOwner = async (key: string, who: Caller, owner: string | null) => {
    const t = await report(key);
    await edit(who, key, { owner });
    return { t, ownerSetAt: await lastEdit() };
  };
  return { slug, report, edit, verify, reportThenSetOwner };
}

test("a reviewer who clears the owner, verifies and restores it is refused", async ({ request }) => {
  const p = await freshProgram(request);
  const { t, ownerSetAt: cleared } = await p.reportThenSetOwner("D", "reviewer", null);
  const res = await p.verify(t.id);
  await p.edit("reviewer", "D", { owner: REVIEWER });
  const problem = await expectProblem(res, 422, `four eyes: ${REVIEWER} owned D between ${t.recordedAt} and ${cleared}`);
  expect(problem.detail).toContain(`${REVIEWER} changed the owner of D from ${REVIEWER} to nobody at ${cleared}`);
  expect(problem.errors).toEqual([{ path: "verifiedBy", message: problem.detail }]);
  const item = await (await call(request, "viewer", "GET", `/api/programs/${p.slug}/items`)).json();
  expect(item.find((i: { key: string }) => i.key === "D")).toMatchObject({ trueStatus: "not_started", reportedStatus: "design" });
});

test("the refusal names the reason: having owned the item, or having changed its owner", async ({ request }) => {
  const p = await freshProgram(request);
  // Someone else steps the reviewer aside: the reviewer still owned D in the window.
  const onD = await p.reportThenSetOwner("D", "contributor", ADMIN);
  expect((await expectProblem(await p.verify(onD.t.id), 422)).detail).toBe(
    `four eyes: ${REVIEWER} owned D between ${onD.t.recordedAt} and ${onD.ownerSetAt}, while this transition (recorded ${onD.t.recordedAt}) awaited verification`,
  );
  // The reviewer never owned A but hands it to someone else before verifying.
  const onA = await p.reportThenSetOwner("A", "reviewer", ADMIN);
  expect((await expectProblem(await p.verify(onA.t.id), 422)).detail).toBe(
    `four eyes: ${REVIEWER} changed the owner of A from ${CONTRIBUTOR} to ${ADMIN} at ${onA.ownerSetAt}, while this transition (recorded ${onA.t.recordedAt}) awaited verification`,
  );
});

test("a reviewer who merely changed something else is not refused", async ({ request }) => {
  const p = await freshProgram(request);
  const t = await p.report("A");
  // The web form sends every field, the unchanged owner too: that is no change of owner.
  await p.edit("reviewer", "A", { title: "Item A, renamed", estimateWeeks: 3, owner: CONTRIBUTOR });
  const res = await p.verify(t.id);
  expect(res.status(), await res.text()).toBe(201);
});

test("owning the item before the transition was recorded is fine: the window opens at recordedAt", async ({ request }) => {
  const p = await freshProgram(request);
  await p.edit("reviewer", "D", { owner: ADMIN });
  const t = await p.report("D");
  const res = await p.verify(t.id);
  expect(res.status(), await res.text()).toBe(201);
});

test("the item page's verify action refuses the same attack, in the same words", async ({ request, baseURL }) => {
  const p = await freshProgram(request);
  const { t } = await p.reportThenSetOwner("D", "reviewer", null);
  const actions = loadActions({ slug: p.slug, key: "D" });
  const page = await playwrightRequest.newContext({ baseURL });
  const act = (name: string, args: unknown[], fields: [string, string][]) =>
    page.fetch(actions[name]!.page, {
      method: "POST",
      headers: { "next-action": actions[name]!.id, accept: "text/x-component", origin: new URL(baseURL!).origin },
      multipart: actionBody(args, fields),
      maxRedirects: 0,
    });
  try {
    const signIn = await act("signInAction", ["$undefined", "$K1"], [
      ["email", REVIEWER],
      ["password", process.env.TEST_PASSWORD!],
      ["next", "/"],
    ]);
    expect(signIn.status()).toBe(200);
    const res = await act("verifyTransitionAction", [p.slug, "D", "$undefined", "$K1"], [
      ["transitionId", String(t.id)],
      ["note", "looks fine"],
    ]);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).toContain(`four eyes: ${REVIEWER} owned D between ${t.recordedAt}`);
    expect(text).toContain(`${REVIEWER} changed the owner of D from ${REVIEWER} to nobody`);
  } finally {
    await page.dispose();
  }
  expect((await p.verify(t.id, "admin")).status()).toBe(201);
});
