/**
 * The banner every page carries, for each state of the chain check: nothing for an intact log,
 * the first bad entry for a broken one, and never silence while the first check is still running.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChainBanner } from "@/components/chain-banner";
import type { ChainCheck } from "@/lib/chain-checker";

const render = (check: ChainCheck) => renderToStaticMarkup(createElement(ChainBanner, { check }));
const at = "2026-01-05T10:00:00.000Z";

describe("the chain banner", () => {
  it("is absent while the log verifies, even when a newer check is running", () => {
    expect(render({ verdict: { ok: true, entries: 5, head: "h", firstBad: null }, checking: false, checkedAt: at })).toBe("");
    expect(render({ verdict: { ok: true, entries: 5, head: "h", firstBad: null }, checking: true, checkedAt: at })).toBe("");
  });

  it("names the first bad entry as an alert", () => {
    const html = render({ verdict: { ok: false, entries: 3, head: "h", firstBad: { seq: 3, reason: "its content does not match its hash" } }, checking: false, checkedAt: at });
    expect(html).toContain('role="alert"');
    expect(html).toContain("The history log does not verify");
    expect(html).toContain("Entry #3");
  });

  it("says the check is in progress before the first verdict, and says so when it could not run", () => {
    const running = render({ verdict: null, checking: true, checkedAt: null });
    expect(running).toContain('data-testid="chain-checking"');
    expect(running).toContain("integrity check is in progress");
    expect(render({ verdict: null, checking: false, checkedAt: null })).toContain("could not be checked");
  });
});
