/**
 * A claim's optional `implies` (what it implies about the work, in words): the bundle keeps it
 * (format offload-tracker/v1 unchanged), trims it, refuses one too long by its path, and the claim
 * headline shows it under the claim's words, or nothing when it is empty.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimHeadline } from "@/components/claims/claim-headline";
import { toBundleJson } from "@/lib/bundle/to-bundle-json";
import { tinyValidBundle } from "../support/bundle-arbitrary";
import { bundleRefusal, validBundle } from "../support/bundle-validation";

function withImplies(implies: unknown) {
  const b = tinyValidBundle();
  (b.claims![0] as Record<string, unknown>).implies = implies;
  return b;
}

describe("a claim's implies in the bundle", () => {
  it("is optional: absent gives an empty text, and the format stays offload-tracker/v1", () => {
    const bundle = validBundle(tinyValidBundle());
    expect(bundle.claims[0]!.implies).toBe("");
    expect(toBundleJson(bundle).format).toBe("offload-tracker/v1");
  });

  it("is kept, trimmed, and written back by the exporter's JSON", () => {
    const bundle = validBundle(withImplies("  storage offload in rollout  "));
    expect(bundle.claims[0]!.implies).toBe("storage offload in rollout");
    const again = validBundle(JSON.parse(JSON.stringify(toBundleJson(bundle))));
    expect(again.claims[0]!.implies).toBe("storage offload in rollout");
  });

  it("refuses a text that is too long or not a text, by its path", () => {
    for (const bad of ["x".repeat(501), 42, ["a"]]) {
      expect(bundleRefusal(withImplies(bad)).errors.map((e) => e.path)).toEqual(["claims[0].implies"]);
    }
  });
});

describe("the claim headline", () => {
  const render = (implies?: string) => renderToStaticMarkup(createElement(ClaimHeadline, { level: 1, quote: "Runs on the card", paraphrase: false, implies }));

  it("shows what the claim implies under its words", () => {
    const html = render("the offloaded stack in production (rollout)");
    expect(html).toContain('data-testid="claim-implies"');
    expect(html).toContain("Implies:</span> the offloaded stack in production (rollout)");
    expect(html.indexOf("Runs on the card")).toBeLessThan(html.indexOf("Implies:"));
  });

  it("shows nothing more when the claim says nothing of it", () => {
    expect(render()).not.toContain("Implies");
    expect(render("")).not.toContain("Implies");
  });
});
