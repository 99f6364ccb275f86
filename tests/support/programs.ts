import { expect, type APIRequestContext } from "@playwright/test";
import { authHeaders } from "./api-client";
import { manyItemsBundle, smallBundle } from "./small-bundle";

/** Imports a fresh small program through the API as admin, so a test never disturbs the demo. */
export async function importSmallProgram(request: APIRequestContext, prefix: string): Promise<string> {
  const slug = `${prefix}-${Date.now()}`;
  const res = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: smallBundle(slug) });
  expect(res.status()).toBe(201);
  return slug;
}

/** Imports a fresh program of `count` items I-001… (see manyItemsBundle) through the API as admin. */
export async function importManyItems(request: APIRequestContext, prefix: string, count: number): Promise<string> {
  const slug = `${prefix}-${Date.now()}`;
  const res = await request.post("/api/programs/import", { headers: authHeaders("admin"), data: manyItemsBundle(slug, count) });
  expect(res.status()).toBe(201);
  return slug;
}
