import Ajv from "ajv";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { addUser } from "@/db/accounts/manage-users";
import { openDatabase } from "@/db/index";
import { exportBundle } from "@/db/export-bundle";
import { importBundle } from "@/db/import-bundle";
import { createClaim, editClaim } from "@/db/mutations/manage-claim";
import { getClaimDetail, getClaims } from "@/db/queries/get-claims";
import { verifyLog } from "@/db/verify-log";
import { toClaimReview } from "@/lib/claims/claim-review";
import { claimsToCsv, claimsToMarkdown } from "@/lib/claims/claims-export";
import { verdictHistory } from "@/lib/claims/verdict-history";
import type { ItemWithTransitions } from "@/lib/item-with-transitions";
import { toInstant } from "@/lib/time";
import { refusal } from "../support/refusal";

const d = (s: string) => toInstant(s);
const NOW = toInstant("2026-11-27", "end");

function item(key: string, steps: [string, "design" | "build" | "done" | "not_started", boolean][]): ItemWithTransitions {
  return {
    key,
    title: key,
    area: "A",
    owner: null,
    ownerName: null,
    team: "",
    estimateWeeks: 1,
    identifiedAt: d("2023-01-01"),
    dependsOn: [],
    transitions: steps.map(([day, to, verified], i) => ({
      to,
      effectiveAt: d(day),
      recordedAt: d(day),
      recordingOrder: i + 1,
      verificationRecordedAt: verified ? d(day) : null,
    })),
  };
}

describe("verdict history", () => {
  it("steps through every change and says when the claim first became supported", () => {
    const items = new Map([
      ["A", item("A", [["2024-02-01", "design", true], ["2024-05-01", "build", true]])],
      ["B", item("B", [["2024-03-01", "build", true], ["2024-04-01", "design", false]])],
    ]);
    const links = [
      { item: "A", requires: "build" as const },
      { item: "B", requires: "design" as const },
    ];
    const h = verdictHistory(d("2024-01-15"), links, items, NOW, NOW);
    expect(h.steps).toEqual([
      { from: "2024-01-15", verdict: "contradicted", met: 0 },
      { from: "2024-02-01", verdict: "unsupported", met: 0 },
      { from: "2024-03-01", verdict: "partly_supported", met: 1 },
      { from: "2024-05-01", verdict: "supported", met: 2 },
    ]);
    expect(h.firstSupported).toBe("2024-05-01");
  });

  it("follows a regression down and says never when it never held", () => {
    const items = new Map([["A", item("A", [["2024-02-01", "build", true], ["2024-03-01", "not_started", false]])]]);
    const h = verdictHistory(d("2024-01-01"), [{ item: "A", requires: "done" }], items, NOW, NOW);
    expect(h.steps.map((s) => s.verdict)).toEqual(["contradicted", "unsupported", "contradicted"]);
    expect(h.firstSupported).toBeNull();
  });
});

async function seeded() {
  const db = await openDatabase(":memory:");
  await importBundle(db, JSON.parse(fs.readFileSync("db/seed/boost-offload.json", "utf8")), { actor: null });
  const admin = await addUser(db, { email: "admin@test.example", name: "Ada", role: "admin" }, null);
  return { db, admin };
}

describe("claims registry", () => {
  const valid = {
    id: "test-claim",
    date: "2025-06-01",
    speaker: "Someone",
    venue: "Somewhere",
    quote: "Everything runs on the card",
    url: "https://example.com/talk",
    links: [
      { item: "FND-01", requires: "done" as const },
      { item: "NET-01", requires: "rollout" as const },
      { item: "STO-01", requires: "build" as const },
    ],
  };

  it("records a claim with links, logs it, and evaluates it", async () => {
    const { db, admin } = await seeded();
    await createClaim(db, { slug: "boost-offload", input: valid, actor: admin });
    const c = await getClaimDetail(db, "boost-offload", "test-claim", NOW, NOW);
    expect(c.linked).toBe(3);
    expect(c.links.map((l) => l.item)).toEqual(["FND-01", "NET-01", "STO-01"]);
    expect(c.history.steps[0]!.from).toBe("2025-06-01");
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it("refuses an unknown item, an unknown status and a future date with paths, writing nothing", async () => {
    const { db, admin } = await seeded();
    const before = db.$client.serialize();
    const refuse = async (input: unknown) => (await refusal(async () => await createClaim(db, { slug: "boost-offload", input, actor: admin, now: NOW }))).errors;
    expect(await refuse({ ...valid, links: [{ item: "NET-99", requires: "done" }] })).toEqual([
      { path: "links[0].item", message: 'unknown item key "NET-99"' },
    ]);
    expect((await refuse({ ...valid, links: [{ item: "FND-01", requires: "shipped" }] }))[0]!.path).toBe("links[0].requires");
    expect(await refuse({ ...valid, date: "2027-01-01" })).toEqual([{ path: "date", message: "must not be in the future" }]);
    expect(Buffer.compare(before, db.$client.serialize())).toBe(0);
  });

  it("edits under optimistic concurrency", async () => {
    const { db, admin } = await seeded();
    await createClaim(db, { slug: "boost-offload", input: valid, actor: admin });
    const edited = await editClaim(db, { slug: "boost-offload", claimKey: "test-claim", input: { ...valid, quote: "Changed", version: 1 }, expectedVersion: undefined, actor: admin });
    expect(edited.version).toBe(2);
    await expect(editClaim(db, { slug: "boost-offload", claimKey: "test-claim", input: { ...valid, version: 1 }, expectedVersion: undefined, actor: admin })).rejects.toThrow(/changed by someone else/);
    expect((await getClaimDetail(db, "boost-offload", "test-claim", NOW, NOW)).quote).toBe("Changed");
  });

  it("keeps the date note and implies when an edit leaves them out, and replaces them when it sends them", async () => {
    const { db, admin } = await seeded();
    await createClaim(db, { slug: "boost-offload", input: { ...valid, dateNote: "From the recording", implies: "Traffic on the card" }, actor: admin });
    await editClaim(db, { slug: "boost-offload", claimKey: "test-claim", input: { ...valid, quote: "Changed", version: 1 }, expectedVersion: undefined, actor: admin });
    expect(await getClaimDetail(db, "boost-offload", "test-claim", NOW, NOW)).toMatchObject({ dateNote: "From the recording", implies: "Traffic on the card" });
    await editClaim(db, { slug: "boost-offload", claimKey: "test-claim", input: { ...valid, dateNote: "", implies: "Less", version: 2 }, expectedVersion: undefined, actor: admin });
    expect(await getClaimDetail(db, "boost-offload", "test-claim", NOW, NOW)).toMatchObject({ dateNote: "", implies: "Less" });
  });
});

describe("what a claim implies, in words", () => {
  const seed = JSON.parse(fs.readFileSync("db/seed/boost-offload.json", "utf8")) as { claims: { id: string; implies: string }[] };

  it("travels from the demo's bundle into the database, the claims answer and back out in an export that imports the same", async () => {
    const { db } = await seeded();
    const expected = new Map(seed.claims.map((c) => [c.id, c.implies]));
    expect([...expected.values()].every((v) => v.length > 0)).toBe(true);
    for (const c of (await getClaims(db, "boost-offload", NOW, NOW)).claims) expect(c.implies, c.id).toBe(expected.get(c.id));
    const exported = await exportBundle(db, "boost-offload");
    expect(exported.format).toBe("offload-tracker/v1");
    expect(Object.fromEntries(exported.claims.map((c) => [c.id, c.implies]))).toEqual(Object.fromEntries(expected));
    const again = await openDatabase(":memory:");
    await importBundle(again, JSON.parse(JSON.stringify(exported)), { actor: null });
    expect((await exportBundle(again, "boost-offload")).claims).toEqual(exported.claims);
  });

  it("is kept by an edit that leaves it out (the claim form), changed or cleared by one that gives it", async () => {
    const { db, admin } = await seeded();
    const id = seed.claims[0]!.id;
    const read = async () => await getClaimDetail(db, "boost-offload", id, NOW, NOW);
    const { implies, version, links, id: _id, ...fields } = await read();
    expect(implies).toBe(seed.claims[0]!.implies);
    const input = { ...fields, links: links.map((l) => ({ item: l.item, requires: l.requires })) };
    await editClaim(db, { slug: "boost-offload", claimKey: id, input: { ...input, venue: "Changed" }, expectedVersion: version, actor: admin });
    expect(await read()).toMatchObject({ venue: "Changed", implies: seed.claims[0]!.implies });
    await editClaim(db, { slug: "boost-offload", claimKey: id, input: { ...input, implies: " storage in rollout " }, expectedVersion: version + 1, actor: admin });
    expect((await read()).implies).toBe("storage in rollout");
    await editClaim(db, { slug: "boost-offload", claimKey: id, input: { ...input, implies: "" }, expectedVersion: version + 2, actor: admin });
    expect((await read()).implies).toBe("");
    await createClaim(db, { slug: "boost-offload", input: { id: "new-claim", date: "2025-06-01", speaker: "S", quote: "Q", url: "https://example.com/", implies: "all done" }, actor: admin });
    expect((await getClaimDetail(db, "boost-offload", "new-claim", NOW, NOW)).implies).toBe("all done");
    expect((await verifyLog(db)).ok).toBe(true);
  });
});

describe("claim exports", () => {
  const schema = JSON.parse(fs.readFileSync("tests/fixtures/claim-review.schema.json", "utf8"));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it("gives every rated demo claim a ClaimReview that validates against the schema", async () => {
    const { db } = await seeded();
    const { claims } = await getClaims(db, "boost-offload", NOW, NOW);
    expect(claims.length).toBe(7);
    for (const c of claims) {
      const review = toClaimReview(c, `https://tracker.example/programs/boost-offload/claims/${c.id}`, "2026-11-27");
      expect(review, c.id).not.toBeNull();
      const ok = validate(review);
      expect(validate.errors ?? [], c.id).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it("rates contradicted 1 and supported 5, and has no review for an unrated claim", async () => {
    const { db } = await seeded();
    const [first] = (await getClaims(db, "boost-offload", NOW, NOW)).claims;
    expect(toClaimReview({ ...first!, verdictAtClaimDate: "contradicted" }, "https://x.example/", "2026-11-27")!.reviewRating.ratingValue).toBe(1);
    expect(toClaimReview({ ...first!, verdictAtClaimDate: "supported" }, "https://x.example/", "2026-11-27")!.reviewRating.ratingValue).toBe(5);
    expect(toClaimReview({ ...first!, verdictAtClaimDate: "unrated" }, "https://x.example/", "2026-11-27")).toBeNull();
  });

  it("escapes markup in Markdown and neutralises formulas in CSV", async () => {
    const { db } = await seeded();
    const [c] = (await getClaims(db, "boost-offload", NOW, NOW)).claims;
    const hostile = { ...c!, speaker: "<script>alert(1)</script>", quote: "=HYPERLINK(\"http://evil\") | *bold*" };
    const md = claimsToMarkdown("P", [hostile], "2026-11-27");
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\<script\\>");
    expect(md).toContain("\\*bold\\*");
    expect(md).toContain("\\|");
    const csv = claimsToCsv([hostile]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"") | *bold*"`);
  });

  it("carry what a claim implies, in words, into the CSV and the Markdown", async () => {
    const { db } = await seeded();
    const [c] = (await getClaims(db, "boost-offload", NOW, NOW)).claims;
    const said = { ...c!, implies: "=every host | offloaded <b>" };
    const [header, row] = claimsToCsv([said, { ...c!, implies: "" }]).split("\r\n");
    expect(header!.split(",").slice(6, 9)).toEqual(["url", "implies", "linked"]);
    expect(row).toContain(`,'=every host | offloaded <b>,`);
    const md = claimsToMarkdown("P", [said], "2026-11-27");
    expect(md).toContain("implies: \\=every host \\| offloaded \\<b\\>");
    expect(claimsToMarkdown("P", [{ ...c!, implies: "" }], "2026-11-27")).not.toContain("implies:");
  });
});
