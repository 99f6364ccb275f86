import { firstRow } from "@/db/first-row";
/**
 * DESIGN §13 comments on SQLite, through the functions the API routes, the form actions and the
 * importer all use: writing on items and claims, mentions (one reader per handle, nobody else),
 * edits and deletions by the author only (each a log entry, every earlier text in the log), nothing
 * written on a refusal, the tables that refuse removal, a person's mentions, the log as readers see
 * it, the bundle round trip, and that a comment changes no figure.
 */
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { disableAccount, resetPassword } from "@/db/accounts/account-access";
import { addUser, findPerson } from "@/db/accounts/manage-users";
import { listPeople } from "@/db/accounts/list-people";
import { exportBundle } from "@/db/export-bundle";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { addComment } from "@/db/mutations/add-comment";
import { deleteComment } from "@/db/mutations/delete-comment";
import { editComment } from "@/db/mutations/edit-comment";
import { getComment } from "@/db/queries/get-comment";
import { listComments } from "@/db/queries/list-comments";
import { listLogEntries } from "@/db/queries/list-log-entries";
import { listMentions } from "@/db/queries/list-mentions";
import { loadProgramHistory } from "@/db/queries/load-program-history";
import { auditLog, commentMentions, comments } from "@/db/schema";
import { verifyLog } from "@/db/verify-log";
import { accountState } from "@/lib/auth/account-state";
import { validateBundle } from "@/lib/bundle/validate-bundle";
import type { CommentSubject } from "@/lib/comments/comment-subject";
import { giveAccounts } from "../support/give-accounts";
import { refusal } from "../support/refusal";

const SLUG = "talk";
const ANN = "ann@example.com";
const CARL = "carl@example.com";
const RITA = "rita@example.com";
const MINUTE = 60_000;
const T0 = Date.UTC(2025, 0, 6, 9);
const at = (n: number) => T0 + n * MINUTE;

function programBundle(slug: string, extra: Record<string, unknown> = {}) {
  return {
    format: "offload-tracker/v1",
    program: { slug, name: "Comments" },
    people: [
      { email: ANN, name: "Ann Owner", team: "Core" },
      { email: CARL, name: "Carl Writer", team: "Core" },
      { email: RITA, name: "Rita Reviewer", team: "Core" },
    ],
    items: [
      { key: "FND-01", title: "Key-value store", area: "Foundations", owner: ANN, estimateWeeks: 2, identifiedAt: "2024-01-01" },
      { key: "FND-02", title: "Tracing", area: "Foundations", owner: ANN, estimateWeeks: 2, identifiedAt: "2024-01-01" },
    ],
    claims: [{ id: "ignite-2023", date: "2023-11-15", speaker: "CTO", quote: "It runs on the card", url: "https://news.example/1", links: [{ item: "FND-01", requires: "rollout" }] }],
    ...extra,
  };
}

/** The program, its people given accounts (`accounts`: only these; the others are a bundle's people without one). */
async function setUp(slug = SLUG, { accounts = [ANN, CARL, RITA] }: { accounts?: string[] } = {}) {
  const db = await openDatabase(":memory:");
  await importBundle(db, programBundle(slug), { actor: null });
  await giveAccounts(db, accounts);
  const person = async (email: string) => (await findPerson(db, email))!;
  const item: CommentSubject = { item: "FND-01" };
  return {
    db,
    person,
    add: async (n: number, body: unknown, by = CARL, subject: CommentSubject = item) => await addComment(db, { slug, subject, input: { body }, actor: await person(by), now: at(n) }),
    edit: async (n: number, id: number, body: unknown, version: number | undefined, by = CARL) =>
      await editComment(db, { slug, commentId: id, input: { body, version }, expectedVersion: undefined, actor: await person(by), now: at(n) }),
    remove: async (n: number, id: number, by = CARL) => await deleteComment(db, { slug, commentId: id, actor: await person(by), now: at(n) }),
    list: async (subject: CommentSubject = item, viewer = CARL) => await listComments(db, slug, subject, { viewerId: (await person(viewer)).id }),
  };
}

/** Rows of every table a comment writes, and the log: nothing may move on a refusal. */
async function footprint(db: Db) {
  return {
    comments: (await firstRow(db.select({ n: count() }).from(comments)))!.n,
    mentions: (await firstRow(db.select({ n: count() }).from(commentMentions)))!.n,
    log: (await firstRow(db.select({ n: count() }).from(auditLog)))!.n,
    rows: JSON.stringify((await db.select().from(comments))),
  };
}

async function commentEntries(db: Db, id: number) {
  return db.$client
    .prepare("SELECT action, payload FROM audit_log WHERE entity = 'comment' AND entity_id = ? ORDER BY seq")
    .all(String(id))
    .map((r) => {
      const row = r as { action: string; payload: string };
      return { action: row.action, payload: JSON.parse(row.payload) as Record<string, unknown> };
    });
}

describe("writing a comment", () => {
  it("on an item and on a claim: listed oldest first, the author's own marked, times and text as written", async () => {
    const w = await setUp();
    const first = await w.add(1, "  Blocked on the storage design.  ");
    const second = await w.add(2, "Agreed.", RITA);
    const onClaim = await w.add(3, "The card ran nothing in 2023.", RITA, { claim: "ignite-2023" });
    expect(first).toMatchObject({
      program: SLUG,
      item: "FND-01",
      claim: null,
      byName: "Carl Writer",
      byHandle: "carl",
      mine: true,
      body: "Blocked on the storage design.",
      createdAt: new Date(at(1)).toISOString(),
      editedAt: null,
      deletedAt: null,
      version: 1,
      link: `/programs/${SLUG}/items/FND-01#comment-${first.id}`,
    });
    expect((await w.list()).map((c) => [c.id, c.mine])).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect((await w.list({ claim: "ignite-2023" })).map((c) => [c.id, c.claim, c.link])).toEqual([
      [onClaim.id, "ignite-2023", `/programs/${SLUG}/claims/ignite-2023#comment-${onClaim.id}`],
    ]);
    // No e-mail in what readers get.
    expect(JSON.stringify(await w.list())).not.toContain("@example.com");
    expect(await verifyLog(w.db)).toMatchObject({ ok: true });
  });

  it("a past known-at view lists only the comments written by then", async () => {
    const w = await setUp();
    await w.add(1, "early");
    await w.add(10, "late");
    const seen = await listComments(w.db, SLUG, { item: "FND-01" }, { viewerId: null, knownAt: at(5) });
    expect(seen.map((c) => c.body)).toEqual(["early"]);
  });

  it("refuses an empty, blank, non-text or too long text (400), and an unknown program, item or claim (404), writing nothing", async () => {
    const w = await setUp();
    const before = await footprint(w.db);
    for (const body of ["", "   ", 7, null, undefined, "x".repeat(5001)]) {
      const e = await refusal(async () => await w.add(1, body));
      expect(e.code, String(body)).toBe("invalid");
      expect(e.errors.map((x) => x.path)).toEqual(["body"]);
    }
    expect((await refusal(async () => await addComment(w.db, { slug: "nope", subject: { item: "FND-01" }, input: { body: "x" }, actor: await w.person(CARL) }))).message).toBe('no program "nope"');
    expect((await refusal(async () => await w.add(1, "x", CARL, { item: "NOPE" }))).message).toBe(`no item "NOPE" in program "${SLUG}"`);
    expect((await refusal(async () => await w.add(1, "x", CARL, { claim: "nope" }))).code).toBe("not_found");
    expect(await footprint(w.db)).toEqual(before);
  });

  it("changes no figure: the program's history is kept as it was (the same object)", async () => {
    const w = await setUp();
    const history = await loadProgramHistory(w.db, SLUG);
    const c = await w.add(1, "just talk");
    await w.edit(2, c.id, "just talk, edited", 1);
    await w.remove(3, c.id);
    expect(await loadProgramHistory(w.db, SLUG)).toBe(history);
  });
});

describe("mentions", () => {
  it("name the one account with that handle; unknown, ambiguous and disabled handles stay text", async () => {
    const w = await setUp();
    await addUser(w.db, { email: "ann@elsewhere.example", name: "Another Ann", role: "viewer", password: "another long password" }, null);
    await addUser(w.db, { email: "gone@example.com", name: "Gone", role: "viewer", password: "another long password" }, null);
    await disableAccount(w.db, "gone@example.com", null);
    const c = await w.add(1, "@Rita please check; @ann and @gone and @nobody too. mail rita@example.com");
    expect(c.mentions).toEqual([{ handle: "rita", name: "Rita Reviewer" }]);
    expect((await listMentions(w.db, (await w.person(RITA)).id)).map((m) => m.commentId)).toEqual([c.id]);
    expect(await listMentions(w.db, (await w.person(ANN)).id)).toEqual([]);
    expect(await listMentions(w.db, (await w.person("gone@example.com")).id)).toEqual([]);
  });

  it("never name a person who cannot sign in: one a bundle brought without an account, an account without a password, a disabled one", async () => {
    const w = await setUp(SLUG, { accounts: [CARL, RITA] }); // Ann came with the bundle and has no account
    await addUser(w.db, { email: "nopass@example.com", name: "No Password", role: "reviewer" }, null);
    await addUser(w.db, { email: "gone@example.com", name: "Gone", role: "reviewer", password: "another long password" }, null);
    await disableAccount(w.db, "gone@example.com", null);
    const c = await w.add(1, "@ann @nopass @gone @rita: please look");
    expect(c.mentions).toEqual([{ handle: "rita", name: "Rita Reviewer" }]);
    for (const email of [ANN, "nopass@example.com", "gone@example.com"]) expect(await listMentions(w.db, (await w.person(email)).id), email).toEqual([]);
    // Nothing stored for them, so nothing comes later: a mention is resolved when it is written.
    expect((await w.db.select().from(commentMentions)).map((m) => m.personId)).toEqual([(await w.person(RITA)).id]);
  });

  it("a handle shared by an account and a person without one names the account", async () => {
    const w = await setUp(SLUG, { accounts: [CARL, RITA] });
    await addUser(w.db, { email: "ann@elsewhere.example", name: "Another Ann", role: "viewer", password: "another long password" }, null);
    const c = await w.add(1, "@ann can you check?");
    expect(c.mentions).toEqual([{ handle: "ann", name: "Another Ann" }]);
    expect((await listMentions(w.db, (await w.person("ann@elsewhere.example")).id)).map((m) => m.commentId)).toEqual([c.id]);
    expect(await listMentions(w.db, (await w.person(ANN)).id)).toEqual([]);
  });

  it("can be read by exactly the accounts in the people page's states that sign in: Active and Must choose a new password", async () => {
    const w = await setUp(SLUG, { accounts: [] });
    await addUser(w.db, { email: "active@example.com", name: "Active", role: "viewer", password: "another long password" }, null);
    await addUser(w.db, { email: "off@example.com", name: "Off", role: "viewer", password: "another long password" }, null);
    await disableAccount(w.db, "off@example.com", null);
    await addUser(w.db, { email: "fresh@example.com", name: "Fresh", role: "viewer" }, null);
    await resetPassword(w.db, "fresh@example.com", null);
    const states = new Map((await listPeople(w.db)).map((p) => [p.email, accountState(p)]));
    expect(new Set(states.values())).toEqual(new Set(["active", "disabled", "no_password", "must_change_password"]));
    const c = await w.add(1, "@active @off @fresh @ann @carl @rita", CARL);
    const named = new Set(c.mentions.map((m) => m.handle));
    for (const [email, state] of states) expect(named.has(email.split("@")[0]!), `${email} (${state})`).toBe(state === "active" || state === "must_change_password");
  });

  it("listMentions: newest mention first, with program, subject, author, excerpt and link; `since` keeps what is new; own comments and deleted ones are left out", async () => {
    const w = await setUp();
    const rita = (await w.person(RITA)).id;
    const a = await w.add(1, "@rita first look at https://ci.example/run/1");
    const b = await w.add(2, `@rita the claim is wrong. ${"long ".repeat(60)}`, CARL, { claim: "ignite-2023" });
    await w.add(3, "@rita a note to myself", RITA);
    const gone = await w.add(4, "@rita soon deleted");
    await w.remove(5, gone.id);
    const mentions = await listMentions(w.db, rita);
    expect(mentions.map((m) => m.commentId)).toEqual([b.id, a.id]);
    expect(mentions[0]).toMatchObject({
      program: { slug: SLUG, name: "Comments" },
      item: null,
      claim: "ignite-2023",
      byName: "Carl Writer",
      createdAt: new Date(at(2)).toISOString(),
      mentionedAt: new Date(at(2)).toISOString(),
      link: `/programs/${SLUG}/claims/ignite-2023#comment-${b.id}`,
    });
    expect(mentions[0]!.excerpt.length).toBeLessThanOrEqual(140);
    expect(mentions[0]!.excerpt.endsWith("…")).toBe(true);
    expect(mentions[1]!.excerpt).toBe("@rita first look at https://ci.example/run/1");
    expect((await listMentions(w.db, rita, { since: at(1) })).map((m) => m.commentId)).toEqual([b.id]);
    expect(await listMentions(w.db, rita, { limit: 1 })).toHaveLength(1);
  });

  it("an edit that adds a mention dates it from the edit; one that drops it drops it; one that keeps it keeps its time", async () => {
    const w = await setUp();
    const c = await w.add(1, "@rita look");
    await w.edit(5, c.id, "@rita look again, @ann too", 1);
    const ann = await listMentions(w.db, (await w.person(ANN)).id);
    expect(ann.map((m) => m.mentionedAt)).toEqual([new Date(at(5)).toISOString()]);
    expect((await listMentions(w.db, (await w.person(RITA)).id)).map((m) => m.mentionedAt)).toEqual([new Date(at(1)).toISOString()]);
    await w.edit(6, c.id, "never mind", 2);
    expect(await listMentions(w.db, (await w.person(RITA)).id)).toEqual([]);
    expect((await getComment(w.db, SLUG, c.id, null)).mentions).toEqual([]);
  });

  it("reads the person's mentions through the index on (person, time)", async () => {
    const w = await setUp();
    const sql = w.db.$client.prepare(`EXPLAIN QUERY PLAN SELECT * FROM comment_mentions WHERE person_id = ? AND mentioned_at > ? ORDER BY mentioned_at DESC`);
    const plan = (sql.all(1, 0) as { detail: string }[]).map((r) => r.detail).join("\n");
    expect(plan).toMatch(/USING INDEX comment_mentions_person/);
  });
});

describe("editing and deleting", () => {
  it("the author edits: new text, editedAt, version + 1; the log holds every text, oldest first", async () => {
    const w = await setUp();
    const c = await w.add(1, "first words");
    const edited = await w.edit(2, c.id, "second words", 1);
    expect(edited).toMatchObject({ body: "second words", editedAt: new Date(at(2)).toISOString(), version: 2 });
    await w.edit(3, c.id, "third words", 2);
    const entries = await commentEntries(w.db, c.id);
    expect(entries.map((e) => [e.action, e.payload.body])).toEqual([
      ["create", "first words"],
      ["update", "second words"],
      ["update", "third words"],
    ]);
    expect(await verifyLog(w.db)).toMatchObject({ ok: true });
  });

  it("the same text again changes nothing and writes nothing", async () => {
    const w = await setUp();
    const c = await w.add(1, "same");
    const before = await footprint(w.db);
    expect(await w.edit(2, c.id, " same ", 1)).toMatchObject({ version: 1, editedAt: null });
    expect(await footprint(w.db)).toEqual(before);
  });

  it("refuses anyone but the author (an admin too: 403), a stale or missing version (409/400), bad text (400) and unknown comments (404), writing nothing", async () => {
    const w = await setUp();
    const admin = await addUser(w.db, { email: "boss@example.com", name: "Boss", role: "admin" }, null);
    const c = await w.add(1, "mine");
    await w.edit(2, c.id, "mine, edited", 1);
    const before = await footprint(w.db);
    const other = await refusal(async () => await w.edit(3, c.id, "hijacked", 2, RITA));
    expect([other.code, other.message]).toEqual(["forbidden", `only its author (Carl Writer) may edit comment #${c.id}`]);
    expect((await refusal(async () => await editComment(w.db, { slug: SLUG, commentId: c.id, input: { body: "x", version: 2 }, expectedVersion: undefined, actor: admin }))).code).toBe("forbidden");
    expect((await refusal(async () => await deleteComment(w.db, { slug: SLUG, commentId: c.id, actor: admin }))).code).toBe("forbidden");
    expect((await refusal(async () => await w.remove(3, c.id, RITA))).code).toBe("forbidden");
    expect((await refusal(async () => await w.edit(3, c.id, "stale", 1))).code).toBe("conflict");
    expect((await refusal(async () => await w.edit(3, c.id, "no version", undefined))).code).toBe("invalid");
    expect((await refusal(async () => await w.edit(3, c.id, "", 2))).code).toBe("invalid");
    expect((await refusal(async () => await w.edit(3, 99_999, "x", 1))).code).toBe("not_found");
    expect((await refusal(async () => await editComment(w.db, { slug: SLUG, commentId: c.id, input: { body: "x" }, expectedVersion: 1, actor: await w.person(CARL) }))).code).toBe("conflict");
    // A comment of another program is not found under this one.
    await importBundle(w.db, programBundle("other"), { actor: null });
    expect((await refusal(async () => await editComment(w.db, { slug: "other", commentId: c.id, input: { body: "x", version: 2 }, expectedVersion: undefined, actor: await w.person(CARL) }))).code).toBe("not_found");
    const afterOther = await footprint(w.db);
    expect(afterOther.comments).toBe(before.comments);
    expect(afterOther.rows).toBe(before.rows);
  });

  it("the author deletes: the text is gone from the comment and its mentions, a delete entry is logged, and it stays deleted", async () => {
    const w = await setUp();
    const c = await w.add(1, "@rita a secret link https://internal.example/x");
    const deleted = await w.remove(2, c.id);
    expect(deleted).toMatchObject({ body: null, mentions: [], deletedAt: new Date(at(2)).toISOString(), version: 2, byName: "Carl Writer" });
    expect((await firstRow(w.db.select().from(comments)))!.body).toBe("");
    expect((await firstRow(w.db.select({ n: count() }).from(commentMentions)))!.n).toBe(0);
    expect(JSON.stringify(await w.list())).not.toContain("secret");
    expect((await commentEntries(w.db, c.id)).map((e) => e.action)).toEqual(["create", "delete"]);
    const before = await footprint(w.db);
    expect((await refusal(async () => await w.remove(3, c.id))).message).toMatch(/^comment #\d+ was deleted on .*: a deleted comment cannot be deleted again$/);
    expect((await refusal(async () => await w.edit(3, c.id, "back", 2))).code).toBe("conflict");
    expect(await footprint(w.db)).toEqual(before);
    expect(await verifyLog(w.db)).toMatchObject({ ok: true });
  });

  it("readers of the log get no deleted comment's text nor whom it named; admins read the log as written", async () => {
    const w = await setUp();
    const kept = await w.add(1, "@rita stays");
    const gone = await w.add(2, "@rita goes away");
    await w.remove(3, gone.id);
    const reader = (await listLogEntries(w.db, { program: SLUG, limit: 100, audience: "reader" })).filter((e) => e.entity === "comment");
    const payloadOf = (list: typeof reader, id: number, action: string) => list.find((e) => e.entityId === String(id) && e.action === action)!.payload;
    expect(payloadOf(reader, gone.id, "create")).toMatchObject({ body: null, mentions: [], item: "FND-01", by: "Carl Writer" });
    expect(payloadOf(reader, kept.id, "create")).toMatchObject({ body: "@rita stays", mentions: ["Rita Reviewer"] });
    const admin = await listLogEntries(w.db, { program: SLUG, limit: 100, audience: "admin" });
    expect(payloadOf(admin, gone.id, "create")).toMatchObject({ body: "@rita goes away", mentions: [RITA] });
  });

  it("the table refuses removing a comment, moving it, or changing a deleted one", async () => {
    const w = await setUp();
    const c = await w.add(1, "x");
    const rita = (await w.person(RITA)).id;
    expect(() => w.db.$client.exec("DELETE FROM comments")).toThrow(/never removed/);
    expect(() => w.db.$client.exec(`UPDATE comments SET author_id = ${rita}`)).toThrow(/keeps its subject, author and time/);
    expect(() => w.db.$client.exec("UPDATE comments SET item_id = NULL, claim_id = 1")).toThrow(/keeps its subject/);
    await w.remove(2, c.id);
    expect(() => w.db.$client.exec("UPDATE comments SET body = 'back', deleted_at = NULL")).toThrow(/stays deleted/);
    expect(() => w.db.$client.exec(`INSERT INTO comments (program_id, author_id, body, created_at) VALUES (1, 1, 'nowhere', 0)`)).toThrow(/CHECK/);
  });
});

describe("comments in the bundle", () => {
  it("export → import → export is equal, with edits and deletions, on items and claims; mentions resolve again, against the importing tracker's accounts", async () => {
    const w = await setUp();
    const a = await w.add(1, "@rita on the item");
    await w.edit(2, a.id, "@rita and @ann on the item, edited", 1);
    await w.add(3, "on the claim", RITA, { claim: "ignite-2023" });
    const gone = await w.add(4, "to be deleted");
    await w.remove(5, gone.id);
    const exported = await exportBundle(w.db, SLUG);
    expect(exported.format).toBe("offload-tracker/v1");
    expect(exported.comments).toEqual([
      { item: "FND-01", by: CARL, createdAt: new Date(at(1)).toISOString(), body: "@rita and @ann on the item, edited", editedAt: new Date(at(2)).toISOString() },
      { claim: "ignite-2023", by: RITA, createdAt: new Date(at(3)).toISOString(), body: "on the claim" },
      { item: "FND-01", by: CARL, createdAt: new Date(at(4)).toISOString(), deletedAt: new Date(at(5)).toISOString() },
    ]);
    // The importing tracker has an account for Rita; Ann comes with the bundle, without one.
    const again = await openDatabase(":memory:");
    await addUser(again, { email: RITA, name: "Rita Reviewer", team: "Core", role: "reviewer", password: "another long password" }, null);
    const summary = await importBundle(again, JSON.parse(JSON.stringify(exported)), { actor: null });
    expect(summary.counts.comments).toBe(3);
    expect(await exportBundle(again, SLUG)).toEqual(exported);
    const rita = (await findPerson(again, RITA))!;
    expect((await listMentions(again, rita.id)).map((m) => [m.excerpt, m.mentionedAt])).toEqual([["@rita and @ann on the item, edited", new Date(at(2)).toISOString()]]);
    expect(await listMentions(again, (await findPerson(again, ANN))!.id)).toEqual([]);
    expect(await verifyLog(again)).toMatchObject({ ok: true });
    // A program without comments exports without the field, as before comments existed.
    expect("comments" in await exportBundle((await setUp("quiet")).db, "quiet")).toBe(false);
  });

  it("refuses comments that break a rule, naming the field", () => {
    const bad = (comment: Record<string, unknown>) => {
      const result = validateBundle(programBundle("b", { comments: [{ by: CARL, createdAt: "2024-02-01", body: "x", ...comment }] }));
      return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(bad({ item: "FND-01" })).toEqual([]);
    expect(bad({})).toEqual(["comments[0].item: a comment is on one item or one claim: give item or claim, not both or neither"]);
    expect(bad({ item: "FND-01", claim: "ignite-2023" })).toHaveLength(1);
    expect(bad({ item: "NOPE" })).toEqual(['comments[0].item: unknown item key "NOPE"']);
    expect(bad({ claim: "nope" })).toEqual(['comments[0].claim: unknown claim id "nope"']);
    expect(bad({ item: "FND-01", by: "who@example.com" })).toEqual(['comments[0].by: unknown person "who@example.com" (not in people)']);
    expect(bad({ item: "FND-01", body: "  " })).toEqual(["comments[0].body: a comment needs its text (only a deleted comment has none)"]);
    expect(bad({ item: "FND-01", deletedAt: "2024-02-02" })).toEqual(["comments[0].body: a deleted comment has no text: drop body, or deletedAt if it was not deleted"]);
    expect(bad({ item: "FND-01", body: undefined, deletedAt: "2024-02-02" })).toEqual([]);
    expect(bad({ item: "FND-01", editedAt: "2024-01-01" })).toEqual(["comments[0].editedAt: a comment cannot be edited before it was written (createdAt)"]);
    expect(bad({ item: "FND-01", body: undefined, editedAt: "2024-03-01", deletedAt: "2024-02-15" })).toEqual([
      "comments[0].deletedAt: a comment cannot be deleted before it was written or last edited",
    ]);
    expect(bad({ item: "FND-01", createdAt: "2999-01-01" })).toEqual(["comments[0].createdAt: must not be in the future"]);
    expect(bad({ item: "FND-01", body: "x".repeat(5001) })).toHaveLength(1);
  });
});
