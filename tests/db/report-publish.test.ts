/**
 * Publishing a week (DESIGN §8): stored for good with its digest and the log head,
 * logged, once per week; a backfill after publication makes the week restated, with the right
 * differences listed.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPerson } from "@/db/accounts/manage-users";
import { firstRow } from "@/db/first-row";
import { importBundle } from "@/db/import-bundle";
import { openDatabase, type Db } from "@/db/index";
import { publishReport } from "@/db/mutations/publish-report";
import { recordTransition } from "@/db/mutations/record-transition";
import { verifyTransition } from "@/db/mutations/verify-transition";
import { getWeeklyReport } from "@/db/queries/get-weekly-report";
import { listReportWeeks } from "@/db/queries/list-report-weeks";
import { publishedReports } from "@/db/schema";
import { verifyLog } from "@/db/verify-log";
import { readMarkdownFooter, sha256Hex } from "@/lib/report/report-digest";
import { refusal } from "../support/refusal";

const T1 = Date.parse("2025-01-06T09:00:00Z"); // the Monday after 2024-W52: the weekly cron
const T2 = Date.parse("2025-02-03T09:00:00Z"); // a month later, a backfill
const SLUG = "pub-test";

function bundle() {
  const item = (key: string, dependsOn: string[] = []) => ({
    key,
    title: `Item ${key}`,
    area: "Core",
    owner: "alice@example.com",
    estimateWeeks: 2,
    identifiedAt: "2024-01-01",
    dependsOn,
  });
  return {
    format: "offload-tracker/v1",
    program: { slug: SLUG, name: "Publish test" },
    people: [
      { email: "alice@example.com", name: "Alice", team: "Core" },
      { email: "bob@example.com", name: "Bob", team: "Core" },
    ],
    items: [item("A"), item("B", ["A"])],
  };
}

let db: Db;
const head = () => (db.$client.prepare("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").get() as { hash: string }).hash;

beforeAll(async () => {
  db = await openDatabase(":memory:");
  await importBundle(db, bundle(), { actor: null });
});
afterAll(() => db.$client.close());

describe("publishing a week", () => {
  let before = "";
  let published: Awaited<ReturnType<typeof publishReport>>;

  it("stores the Markdown, stamped as published, and JSON with the sealed Markdown's sha256 and the log head at publication", async () => {
    before = head();
    const expected = (await getWeeklyReport(db, SLUG, "2024-W52", T1)).markdown;
    published = await publishReport(db, { slug: SLUG, week: "2024-W52", publisher: { id: null, label: "cli" }, now: T1 });
    const row = (await firstRow(db.select().from(publishedReports).where(eq(publishedReports.isoWeek, "2024-W52"))))!;
    // The stored bytes are the sealed report between its two stamp lines (report-stamp.ts).
    const stamp = `> **Published version — published on 2025-01-06 09:00 UTC, by cli, sha256 ${sha256Hex(expected)}**`;
    expect(row.markdown.startsWith(`${stamp}\n\n# Weekly report: Publish test — 2024-W52\n`)).toBe(true);
    expect(row.markdown).toContain(`\n${stamp} The stamp lines`);
    expect(readMarkdownFooter(row.markdown)!.unstamped).toBe(expected);
    expect(row.sha256).toBe(sha256Hex(expected));
    expect(published.sha256).toBe(row.sha256);
    expect(row.logHead).toBe(before);
    expect(published.logHeadAtPublication).toBe(before);
    expect(JSON.parse(row.json)).toMatchObject({ week: "2024-W52", publication: null });
    expect(row.publishedAt).toBe(T1);
  });

  it("appends the publication to the hash-chained log, which stays intact", async () => {
    const last = db.$client.prepare("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").get() as Record<string, string>;
    expect(last).toMatchObject({ action: "publish", entity: "report", entity_id: `${SLUG}/2024-W52`, actor: "cli", prev_hash: before });
    expect(JSON.parse(last.payload!)).toMatchObject({ week: "2024-W52", sha256: published.sha256, logHeadAtPublication: before });
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("does not change the week it publishes: it is not restated by its own publication", async () => {
    const { publication, markdown } = await getWeeklyReport(db, SLUG, "2024-W52", T1 + 1000);
    expect(publication).toMatchObject({ restated: false, differences: [], lines: [], sha256: published.sha256, publishedBy: "cli" });
    expect(sha256Hex(markdown)).toBe(published.sha256);
  });

  it("refuses a second publication of the same week (409) and writes nothing", async () => {
    const entries = (await verifyLog(db)).entries;
    const e = await refusal(async () => await publishReport(db, { slug: SLUG, week: "2024-W52", publisher: { id: null, label: "cli" }, now: T1 + 5000 }));
    expect(e.code).toBe("conflict");
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/already published/);
    expect((await verifyLog(db)).entries).toBe(entries);
  });

  it("is immutable: the table refuses UPDATE and DELETE", () => {
    expect(() => db.$client.prepare("UPDATE published_reports SET markdown = 'x'").run()).toThrow(/immutable/);
    expect(() => db.$client.prepare("DELETE FROM published_reports").run()).toThrow(/immutable/);
  });

  it("refuses a week in the future or malformed, and an unknown program", async () => {
    expect((await refusal(async () => await publishReport(db, { slug: SLUG, week: "2025-W10", publisher: { id: null, label: "cli" }, now: T1 }))).message).toMatch(/in the future/);
    expect((await refusal(async () => await publishReport(db, { slug: SLUG, week: "2024-W99", publisher: { id: null, label: "cli" }, now: T1 }))).status).toBe(400);
    expect((await refusal(async () => await publishReport(db, { slug: "nope", week: "2024-W52", publisher: { id: null, label: "cli" }, now: T1 }))).status).toBe(404);
  });
});

describe("a backfilled transition after publication", () => {
  it("makes the week restated and lists the right differences", async () => {
    const alice = (await findPerson(db, "alice@example.com"))!;
    const bob = (await findPerson(db, "bob@example.com"))!;
    // Recorded a month later, effective during 2024-W52, and verified: the history now says A had
    // reached design that week.
    const t = await recordTransition(db, { slug: SLUG, key: "A", input: { to: "design", effectiveAt: "2024-12-24", note: "Backfilled from the design review" }, actor: alice, now: T2 });
    await verifyTransition(db, { slug: SLUG, transitionId: t.id, input: {}, actor: bob, now: T2 });

    const { publication } = await getWeeklyReport(db, SLUG, "2024-W52", T2 + 1000);
    expect(publication!.restated).toBe(true);
    expect(publication!.differences).toEqual(
      expect.arrayContaining([
        { kind: "item", what: "A trueStatus", was: "not_started", now: "design" },
        { kind: "item", what: "A reportedStatus", was: "not_started", now: "design" },
        { kind: "figure", what: "started (verified)", was: "0", now: "1" },
        { kind: "figure", what: "started (reported)", was: "0", now: "1" },
      ]),
    );
    expect(publication!.differences.filter((d) => d.kind === "item").map((d) => d.what)).toEqual(["A trueStatus", "A reportedStatus"]);
    const removed = publication!.lines.filter((l) => l.op === "-").map((l) => l.text);
    const added = publication!.lines.filter((l) => l.op === "+").map((l) => l.text);
    expect(removed).toContain("- Started: 0 verified, 0 reported");
    expect(added).toContain("- Started: 1 verified, 1 reported");
    expect(added.some((l) => l.startsWith("| A | Item A |") && l.includes("`design`"))).toBe(true);
  });

  it("shows on the week list, and a week after it is not affected", async () => {
    const list = await listReportWeeks(db, SLUG, { now: T2 + 1000 });
    const w52 = list.weeks.find((w) => w.week === "2024-W52")!;
    expect(w52.publication?.restated).toBe(true);
    expect(list.weeks.find((w) => w.week === "2024-W51")!.publication).toBeNull();
    expect(list.weeks[0]!.week).toBe("2025-W05");
    expect(list.published).toBe(1);
  });
});
