import fs from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { TestRole } from "./test-accounts";
import { tokensFileFor } from "./tokens-file";

let tokens: Record<TestRole, string> | null = null;

/** The bearer token of the test account with `role` (made by prepare-test-database.ts). */
export function tokenFor(role: TestRole): string {
  tokens ??= JSON.parse(fs.readFileSync(tokensFileFor(process.env.E2E_DATABASE_URL ?? ""), "utf8"));
  return tokens![role];
}

export type Caller = TestRole | "anonymous";

export function authHeaders(who: Caller): Record<string, string> {
  return who === "anonymous" ? {} : { authorization: `Bearer ${tokenFor(who)}` };
}

/** A tiny JSON client: `call(request, "viewer", "GET", "/api/programs")`. */
export function call(request: APIRequestContext, who: Caller, method: string, path: string, data?: unknown): Promise<APIResponse> {
  return request.fetch(path, { method, headers: authHeaders(who), ...(data === undefined ? {} : { data }) });
}
