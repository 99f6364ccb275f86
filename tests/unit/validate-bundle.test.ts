import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toBundleJson } from "@/lib/bundle/to-bundle-json";
import { validateBundle } from "@/lib/bundle/validate-bundle";
import type { FieldError } from "@/lib/errors";
import { bundleArb, tinyValidBundle, validBundleArb, type TinyBundle } from "../support/bundle-arbitrary";
import { bundleRefusal, validBundle } from "../support/bundle-validation";

/** A fresh tiny bundle changed by `change`. */
function mutated(change: (b: TinyBundle) => void): TinyBundle {
  const b = tinyValidBundle();
  change(b);
  return b;
}

const errorsOf = (raw: unknown): FieldError[] => bundleRefusal(raw).errors;

/** The error at `path` (exactly one), whose message must contain every one of `words`. */
function expectError(raw: unknown, path: string, ...words: string[]): FieldError {
  const errors = errorsOf(raw);
  const at = errors.filter((e) => e.path === path);
  expect(at, `errors at ${path}, among ${JSON.stringify(errors)}`).toHaveLength(1);
  for (const w of words) expect(at[0]!.message).toContain(w);
  return at[0]!;
}

const STATUS_LIST = "not_started, design, build, validate, rollout, done";
const DATE_MESSAGE = "must be a date YYYY-MM-DD or an ISO 8601 datetime";

describe("validateBundle: the tiny bundle", () => {
  it("is valid and normalized (defaults, times in ms UTC, lower-case e-mails)", () => {
    const bundle = validBundle(tinyValidBundle());
    const t = bundle.transitions;
    expect(t[0]!.recordedAt).toBe(Date.UTC(2024, 0, 10)); // recordedAt defaults to effectiveAt
    expect(t[0]!.verifiedAt).toBe(t[0]!.recordedAt); // verifiedAt defaults to recordedAt
    expect(t[3]!.verifiedAt).toBeNull();
    expect(t[4]!.effectiveAt).toBe(Date.UTC(2024, 4, 1, 6, 0, 0)); // +02:00 offset
    expect(bundle.items[1]!.identifiedAt).toBe(Date.UTC(2023, 10, 20, 9, 30));
  });
});

describe("validateBundle: references and keys", () => {
  it("names an unknown dependsOn key with its exact path", () => {
    const e = expectError(mutated((b) => (b.items[3]!.dependsOn[0] = "NET-99")), "items[3].dependsOn[0]");
    expect(e.message).toBe('unknown item key "NET-99"');
  });

  it("refuses a duplicate item key at the second occurrence", () => {
    const b = mutated((b) => b.items.push({ ...b.items[0]!, title: "Another store" }));
    expect(expectError(b, "items[4].key").message).toBe('duplicate item key "FND-01" (first at index 0)');
  });

  it("refuses a self dependency", () => {
    const b = mutated((b) => (b.items[1]!.dependsOn = ["FND-02"]));
    expectError(b, "items[1].dependsOn[0]", "cannot depend on itself", "FND-02 -> FND-02");
  });

  it("refuses a repeated dependency", () => {
    const b = mutated((b) => (b.items[3]!.dependsOn = ["NET-01", "FND-02", "NET-01"]));
    expectError(b, "items[3].dependsOn[2]", 'duplicate dependency "NET-01"');
  });

  it("refuses unknown people wherever a person is named", () => {
    const b = mutated((b) => {
      b.items[0]!.owner = "zed@example.com";
      b.transitions[3]!.by = "yan@example.com";
      b.transitions[3]!.verifiedBy = "xi@example.com";
    });
    expectError(b, "items[0].owner", 'unknown person "zed@example.com"');
    expectError(b, "transitions[3].by", 'unknown person "yan@example.com"');
    expectError(b, "transitions[3].verifiedBy", 'unknown person "xi@example.com"');
  });

  it("refuses a person listed twice (e-mails compare case-insensitively)", () => {
    const b = mutated((b) => b.people.push({ email: "Bob@Example.com", name: "Bob again" }));
    expectError(b, "people[3].email", 'duplicate person "bob@example.com"');
  });

  it("refuses a transition or signal on an unknown item", () => {
    const b = mutated((b) => {
      b.transitions[3]!.item = "NET-99";
      b.signals[1]!.item = "STO-07";
    });
    expectError(b, "transitions[3].item", 'unknown item key "NET-99"');
    expectError(b, "signals[1].item", 'unknown item key "STO-07"');
  });

  it("refuses a duplicate claim id", () => {
    const b = mutated((b) => (b.claims[1]!.id = "ignite-2023"));
    expect(expectError(b, "claims[1].id").message).toBe('duplicate claim id "ignite-2023" (first at index 0)');
  });

  it("refuses a claim link to an unknown item, and two links to one item", () => {
    const b = mutated((b) => {
      b.claims[0]!.links[1]!.item = "NET-99";
      b.claims[1]!.links.push({ item: "NET-02", requires: "done" });
    });
    expectError(b, "claims[0].links[1].item", 'unknown item key "NET-99"');
    expectError(b, "claims[1].links[1].item", 'duplicate link to item "NET-02"');
  });

  it("refuses the wrong format string, and something that is not a bundle", () => {
    expectError(mutated((b) => (b.format = "offload-tracker/v2")), "format", 'must be "offload-tracker/v1"');
    expectError(mutated((b) => delete (b as Partial<TinyBundle>).format), "format", 'must be "offload-tracker/v1"');
    expect(errorsOf(null)[0]!.path).toBe("(bundle)");
    expect(errorsOf([])[0]!.path).toBe("(bundle)");
  });
});

describe("validateBundle: dependency cycles", () => {
  it("names a three-item cycle A -> B -> C -> A", () => {
    const b = mutated((b) => {
      b.items = [
        { key: "A", title: "A", area: "X", estimateWeeks: 1, identifiedAt: "2023-12-01", dependsOn: ["B"] },
        { key: "B", title: "B", area: "X", estimateWeeks: 1, identifiedAt: "2023-12-01", dependsOn: ["C"] },
        { key: "C", title: "C", area: "X", estimateWeeks: 1, identifiedAt: "2023-12-01", dependsOn: ["A"] },
      ];
      b.transitions = [];
      b.signals = [];
      b.claims = [];
    });
    expect(expectError(b, "items[0].dependsOn").message).toBe("dependency cycle: A -> B -> C -> A");
  });

  it("names the actual cycle closed in the tiny bundle, at the item where it starts", () => {
    const b = mutated((b) => (b.items[0]!.dependsOn = ["NET-02"]));
    const e = expectError(b, "items[0].dependsOn", "dependency cycle");
    expect(e.message).toBe("dependency cycle: FND-01 -> NET-02 -> NET-01 -> FND-01");
    expectNamedCycleIsReal(e.message, b.items as { key: string; dependsOn: string[] }[]);
  });

  it("property: adding a back edge to any chain closes a cycle, and the error names a real one", () => {
    fc.assert(
      fc.property(bundleArb({ minItems: 2 }), (bundle) => {
        const b = structuredClone(bundle);
        const items = b.items!;
        // Make sure there is an edge (to an earlier item: the bundle stays a valid DAG).
        if (!items.some((it) => (it.dependsOn ?? []).length > 0)) items[1]!.dependsOn = [items[0]!.key];
        // i depends on j (j earlier); make j depend on i.
        const i = items.findIndex((it) => (it.dependsOn ?? []).length > 0);
        const j = items.findIndex((it) => it.key === items[i]!.dependsOn![0]);
        items[j]!.dependsOn = [...(items[j]!.dependsOn ?? []), items[i]!.key];
        const errors = errorsOf(b);
        expect(errors).toHaveLength(1);
        expect(errors[0]!.message).toMatch(/^dependency cycle: /);
        const first = errors[0]!.message.replace("dependency cycle: ", "").split(" -> ")[0];
        expect(errors[0]!.path).toBe(`items[${items.findIndex((it) => it.key === first)}].dependsOn`);
        expectNamedCycleIsReal(errors[0]!.message, items);
      }),
      { numRuns: 60 },
    );
  });
});

/** `dependency cycle: A -> B -> … -> A` names edges that all exist, and closes on itself. */
function expectNamedCycleIsReal(message: string, items: { key: string; dependsOn?: string[] }[]) {
  const keys = message.replace(/^dependency cycle: /, "").split(" -> ");
  expect(keys.length).toBeGreaterThanOrEqual(2);
  expect(keys[0]).toBe(keys[keys.length - 1]);
  for (let k = 0; k + 1 < keys.length; k++) {
    const from = items.find((i) => i.key === keys[k]);
    expect(from?.dependsOn ?? [], `${keys[k]} -> ${keys[k + 1]} is an edge`).toContain(keys[k + 1]);
  }
}

describe("validateBundle: evidence gates", () => {
  /** The tiny bundle with `item` reported done, its only evidence a deployment to `fleetPercent` % of the fleet. */
  const doneWithDeployment = (item: string, fleetPercent: number) =>
    mutated((b) =>
      b.transitions.push({
        item,
        to: "done",
        effectiveAt: "2024-09-01",
        by: "bob@example.com",
        evidence: [{ kind: "deployment", url: `https://deploy.example.com/${item}/${fleetPercent}`, fleetPercent }],
      }),
    );

  it("refuses entering build without a design_doc and names it", () => {
    const b = mutated((b) => (b.transitions[1]!.evidence = []));
    const e = expectError(b, "transitions[1].evidence", "cannot enter build", "a design_doc");
    expect(e.message).toBe("FND-01: cannot enter build: the item's evidence lacks a design_doc (gate of build)");
    // The later validate of the same item is also short of the design_doc, but not of its code_change.
    const later = expectError(b, "transitions[2].evidence", "cannot enter validate", "a design_doc");
    expect(later.message).not.toContain("code_change");
  });

  it("is cumulative: done without a test_report names the test_report only", () => {
    const b = doneWithDeployment("FND-01", 100);
    const e = expectError(b, "transitions[5].evidence", "cannot enter done", "a test_report");
    expect(e.message).not.toContain("design_doc");
    expect(e.message).not.toContain("code_change");
    expect(e.message).not.toContain("deployment");
  });

  it("names every missing gate when skipping levels, and a partial deployment is not enough for done", () => {
    const b = doneWithDeployment("NET-01", 40);
    expectError(b, "transitions[5].evidence", "a design_doc", "a code_change", "a test_report", "a deployment with fleetPercent = 100");
  });

  it("counts evidence in effective order, not bundle order", () => {
    // The design_doc arrives on a transition listed later but effective earlier: fine.
    const ok = mutated((b) => {
      const [design, build] = [b.transitions[0]!, b.transitions[1]!];
      design.evidence = build.evidence;
      build.evidence = [];
      b.transitions[0] = build;
      b.transitions[1] = design;
    });
    expect(validateBundle(ok).ok).toBe(true);
    // Evidence attached to a transition that is effective LATER does not open an earlier gate.
    const bad = mutated((b) => {
      b.transitions[2]!.evidence.push(...b.transitions[1]!.evidence);
      b.transitions[1]!.evidence = [];
    });
    expectError(bad, "transitions[1].evidence", "a design_doc");
  });

  it("refuses a move down without a note, and accepts it with one (no evidence needed)", () => {
    const down = { item: "FND-01", to: "design", effectiveAt: "2024-06-01", by: "ann@example.com" };
    const b = mutated((b) => b.transitions.push({ ...down }));
    expect(expectError(b, "transitions[5].note").message).toBe("FND-01: moving down to design needs a note saying why");
    const blank = mutated((b) => b.transitions.push({ ...down, note: "   " }));
    expectError(blank, "transitions[5].note", "needs a note");
    const withNote = mutated((b) => b.transitions.push({ ...down, note: "rolled back after a data-loss bug" }));
    expect(validateBundle(withNote).ok).toBe(true);
  });

  it("refuses a deployment without fleetPercent", () => {
    const b = mutated((b) => b.transitions[2]!.evidence.push({ kind: "deployment", url: "https://deploy.example.com/x" }));
    expectError(b, "transitions[2].evidence[1].fleetPercent", "a deployment needs fleetPercent");
  });

  it("refuses an unknown evidence kind and a fleetPercent out of range", () => {
    const b = mutated((b) => {
      b.transitions[1]!.evidence[0]!.kind = "slide_deck";
      b.transitions[2]!.evidence.push({ kind: "deployment", url: "https://deploy.example.com/x", fleetPercent: 120 });
    });
    expectError(b, "transitions[1].evidence[0].kind", "must be one of design_doc, code_change, test_report, deployment, other");
    expect(errorsOf(b).some((e) => e.path === "transitions[2].evidence[1].fleetPercent")).toBe(true);
  });
});

describe("validateBundle: four eyes", () => {
  it("refuses a verifier who reported the transition", () => {
    const b = mutated((b) => (b.transitions[2]!.verifiedBy = "bob@example.com"));
    const e = expectError(b, "transitions[2].verifiedBy", "four eyes", "bob@example.com");
    expect(e.message).toBe("four eyes: bob@example.com reported this transition and cannot also verify it");
  });

  it("refuses a verifier who owns the item", () => {
    const b = mutated((b) => (b.transitions[2]!.verifiedBy = "ann@example.com"));
    const e = expectError(b, "transitions[2].verifiedBy", "four eyes", "ann@example.com");
    expect(e.message).toBe("four eyes: ann@example.com owns this item and cannot verify its transitions");
  });

  it("applies in any letter case", () => {
    const b = mutated((b) => (b.transitions[2]!.verifiedBy = "BOB@example.COM"));
    expectError(b, "transitions[2].verifiedBy", "four eyes", "bob@example.com");
  });

  it("property: making the reporter verify any verified transition is refused at that path", () => {
    let checked = 0;
    fc.assert(
      fc.property(bundleArb({ minItems: 2, minPeople: 3 }), (bundle) => {
        const b = structuredClone(bundle);
        const i = b.transitions!.findIndex((t) => t.verifiedBy);
        if (i < 0) return; // rare with three or more people; counted below
        checked++;
        b.transitions![i]!.verifiedBy = b.transitions![i]!.by;
        const errors = errorsOf(b);
        expect(errors).toEqual([{ path: `transitions[${i}].verifiedBy`, message: expect.stringContaining("four eyes") }]);
      }),
      { numRuns: 40 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});

describe("validateBundle: statuses, metrics, values", () => {
  it("refuses an unknown status", () => {
    const b = mutated((b) => (b.transitions[0]!.to = "shipped"));
    expect(expectError(b, "transitions[0].to").message).toBe(`must be one of ${STATUS_LIST}`);
    const link = mutated((b) => (b.claims[0]!.links[0]!.requires = "live"));
    expectError(link, "claims[0].links[0].requires", `must be one of ${STATUS_LIST}`);
  });

  it("refuses an unknown metric", () => {
    const b = mutated((b) => (b.signals[0]!.metric = "velocity"));
    expectError(
      b,
      "signals[0].metric",
      "must be one of test_coverage_pct, third_party_crates, unvetted_crates, crash_owner_registered, open_crash_buckets",
    );
  });

  it.each([
    ["test_coverage_pct", 140, "test_coverage_pct must be between 0 and 100"],
    ["test_coverage_pct", -1, "test_coverage_pct must be between 0 and 100"],
    ["crash_owner_registered", 2, "crash_owner_registered must be 0 or 1"],
    ["crash_owner_registered", 0.5, "crash_owner_registered must be a whole number"],
    ["unvetted_crates", 2.5, "unvetted_crates must be a whole number"],
    ["third_party_crates", -3, "third_party_crates must be between 0 and"],
    ["open_crash_buckets", -1, "open_crash_buckets must be between 0 and"],
  ])("refuses %s = %s", (metric, value, message) => {
    const b = mutated((b) => Object.assign(b.signals[0]!, { metric, value }));
    expectError(b, "signals[0].value", message);
  });

  it("refuses a non-positive estimate", () => {
    expectError(mutated((b) => (b.items[2]!.estimateWeeks = 0)), "items[2].estimateWeeks", "must be greater than 0");
    expectError(mutated((b) => (b.items[2]!.estimateWeeks = -2)), "items[2].estimateWeeks", "must be greater than 0");
  });
});

describe("validateBundle: dates and time order", () => {
  it.each([
    ["transitions[0].effectiveAt", "2024-13-45", (b: TinyBundle, v: string) => (b.transitions[0]!.effectiveAt = v)],
    ["transitions[0].effectiveAt", "yesterday", (b: TinyBundle, v: string) => (b.transitions[0]!.effectiveAt = v)],
    ["transitions[1].recordedAt", "2024-02-30T09:00:00Z", (b: TinyBundle, v: string) => (b.transitions[1]!.recordedAt = v)],
    ["transitions[1].verifiedAt", "2024-02-05 10:00", (b: TinyBundle, v: string) => (b.transitions[1]!.verifiedAt = v)],
    ["items[0].identifiedAt", "yesterday", (b: TinyBundle, v: string) => (b.items[0]!.identifiedAt = v)],
    ["signals[0].measuredAt", "2024-13-45", (b: TinyBundle, v: string) => (b.signals[0]!.measuredAt = v)],
    // A datetime without a zone is ambiguous; all times are UTC or carry their offset.
    ["transitions[0].effectiveAt", "2024-01-10T09:00:00", (b: TinyBundle, v: string) => (b.transitions[0]!.effectiveAt = v)],
  ])("refuses %s = %j", (path, value, set) => {
    expectError(mutated((b) => set(b, value)), path, DATE_MESSAGE);
  });

  it("refuses malformed date-only fields with their own message", () => {
    expectError(mutated((b) => (b.program.targetDate = "2024-13-45")), "program.targetDate", "must be a date YYYY-MM-DD");
    expectError(mutated((b) => (b.items[0]!.targetDate = "yesterday")), "items[0].targetDate", "must be a date YYYY-MM-DD");
    expectError(mutated((b) => (b.claims[0]!.date = "2023-02-29")), "claims[0].date", "must be a date YYYY-MM-DD");
    expectError(mutated((b) => (b.events[0]!.date = "2025-03-10T00:00:00Z")), "events[0].date", "must be a date YYYY-MM-DD");
  });

  it("refuses a transition recorded before it took effect", () => {
    const b = mutated((b) => (b.transitions[1]!.recordedAt = "2024-01-31T23:59:59Z"));
    expect(expectError(b, "transitions[1].recordedAt").message).toBe("a transition cannot be recorded before its effectiveAt");
  });

  it("compares instants, not texts: an offset can put a later-looking time earlier", () => {
    // 2024-02-01T01:00:00+02:00 is 2024-01-31T23:00Z, before the effective 2024-02-01.
    const b = mutated((b) => (b.transitions[1]!.recordedAt = "2024-02-01T01:00:00+02:00"));
    expectError(b, "transitions[1].recordedAt", "cannot be recorded before its effectiveAt");
  });

  it("refuses a verification before the transition was recorded", () => {
    const b = mutated((b) => (b.transitions[1]!.verifiedAt = "2024-02-02T08:59:59Z"));
    expectError(b, "transitions[1].verifiedAt", "cannot precede the transition's recordedAt");
  });
});

describe("validateBundle: what it accepts", () => {
  // Each a change to the tiny bundle that must still validate.
  const accepted: Record<string, (b: TinyBundle) => void> = {
    "references that differ from people only in case": (b) => {
      b.items[0]!.owner = "ANN@EXAMPLE.COM";
      b.transitions[0]!.verifiedBy = "Bob@Example.com";
    },
    "skipping levels when every gate holds": (b) =>
      b.transitions.push({
        item: "NET-01",
        to: "rollout",
        effectiveAt: "2024-09-01",
        by: "bob@example.com",
        evidence: [
          { kind: "test_report", url: "https://ci.example.net/1" },
          { kind: "code_change", url: "https://git.example.org/2" },
          { kind: "design_doc", url: "https://docs.example.com/3" },
        ],
      }),
    "boundary values of the metrics": (b) => {
      b.signals = [
        { item: "FND-01", metric: "test_coverage_pct", value: 0, measuredAt: "2024-10-01" },
        { item: "FND-01", metric: "test_coverage_pct", value: 100, measuredAt: "2024-10-02" },
        { item: "FND-01", metric: "test_coverage_pct", value: 37.5, measuredAt: "2024-10-03" },
        { item: "FND-01", metric: "crash_owner_registered", value: 1, measuredAt: "2024-10-01" },
        { item: "FND-01", metric: "third_party_crates", value: 987, measuredAt: "2024-10-01" },
      ];
    },
    "recordedAt = effectiveAt and verifiedAt = recordedAt given in different forms": (b) => {
      b.transitions[0]!.recordedAt = "2024-01-10T00:00:00Z";
      b.transitions[0]!.verifiedAt = "2024-01-10T01:00:00+01:00";
    },
  };
  it.each(Object.entries(accepted))("accepts %s", (_, change) => {
    expect(validateBundle(mutated(change)).ok).toBe(true);
  });
});

describe("validateBundle: valid bundles", () => {
  it("property: every bundle from the arbitrary validates", () => {
    fc.assert(
      fc.property(validBundleArb, (b) => {
        const result = validateBundle(b);
        if (!result.ok) expect.fail(`rejected: ${JSON.stringify(result.errors)}\n${JSON.stringify(b)}`);
      }),
      { numRuns: 300 },
    );
  });

  it("property: the exported form of a valid bundle validates to the same normalized bundle", () => {
    fc.assert(
      fc.property(validBundleArb, (b) => {
        const first = validateBundle(b);
        if (!first.ok) return expect.fail(JSON.stringify(first.errors));
        const json = toBundleJson(first.bundle);
        const again = validateBundle(JSON.parse(JSON.stringify(json)));
        if (!again.ok) return expect.fail(JSON.stringify(again.errors));
        // Roles are account settings and are not exported.
        const withoutRoles = { ...first.bundle, people: first.bundle.people.map((p) => ({ ...p, role: null })) };
        expect(again.bundle).toEqual(withoutRoles);
        expect(toBundleJson(again.bundle)).toEqual(json);
      }),
      { numRuns: 150 },
    );
  });

  it("the arbitrary covers the interesting shapes", () => {
    const samples = fc.sample(validBundleArb, { numRuns: 120, seed: 42 });
    const has = (p: (b: (typeof samples)[number]) => boolean) => samples.some(p);
    expect(has((b) => (b.items ?? []).some((i) => (i.dependsOn ?? []).length > 1))).toBe(true);
    expect(has((b) => (b.transitions ?? []).some((t) => t.to === "done"))).toBe(true);
    expect(has((b) => (b.transitions ?? []).some((t) => t.note?.startsWith("rollback") || t.note?.startsWith("regression")))).toBe(true);
    expect(has((b) => (b.transitions ?? []).some((t) => typeof t.verifiedBy === "string"))).toBe(true);
    expect(has((b) => (b.transitions ?? []).some((t) => /[+-]\d\d:\d\d$/.test(t.effectiveAt)))).toBe(true);
    expect(has((b) => (b.transitions ?? []).some((t) => /^\d{4}-\d\d-\d\d$/.test(t.effectiveAt)))).toBe(true);
    expect(has((b) => (b.signals ?? []).length > 0 && (b.claims ?? []).some((c) => (c.links ?? []).length > 0))).toBe(true);
    expect(has((b) => (b.people ?? []).length === 0)).toBe(true);
    const comments = samples.flatMap((b) => b.comments ?? []);
    expect(comments.some((c) => c.claim !== undefined) && comments.some((c) => c.item !== undefined)).toBe(true);
    expect(comments.some((c) => c.deletedAt) && comments.some((c) => c.editedAt && c.body)).toBe(true);
    expect(comments.some((c) => c.body?.startsWith("@"))).toBe(true);
  });
});
