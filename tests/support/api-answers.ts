/**
 * What the API specs check on every refusal: an RFC 9457 problem+json answer, nothing written,
 * and the hash chain still whole.
 */
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { call } from "./api-client";
import { changedTables, databaseDigest } from "./db-digest";

export interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

/**
 * A problem+json answer with this status, whose detail contains `words` (or matches them).
 * Takes Playwright's answer or fetch's, for the specs that send server actions by fetch.
 */
export async function expectProblem(res: APIResponse | Response, status: number, words?: string | RegExp): Promise<Problem> {
  const fromFetch = res instanceof Response;
  const text = await res.text();
  expect(fromFetch ? res.status : res.status(), text).toBe(status);
  expect(fromFetch ? res.headers.get("content-type") : res.headers()["content-type"]).toContain("application/problem+json");
  const problem = JSON.parse(text) as Problem;
  expect(problem.status).toBe(status);
  if (words !== undefined) expect(problem.detail).toMatch(words);
  return problem;
}

/** Runs refused requests and asserts that no table changed (`label` names the batch in a failure). */
export async function nothingWritten(batch: () => Promise<void>, label?: string) {
  const before = await databaseDigest();
  await batch();
  const after = await databaseDigest();
  expect(changedTables(before, after), label && `${label}: tables written by refused requests`).toEqual([]);
  expect(after.hash, label).toBe(before.hash);
}

/** The hash chain verifies end to end, as a viewer asks for it. */
export async function chainIntact(request: APIRequestContext) {
  const verdict = await (await call(request, "viewer", "GET", "/api/audit/verify")).json();
  expect(verdict).toMatchObject({ ok: true, firstBad: null });
}
