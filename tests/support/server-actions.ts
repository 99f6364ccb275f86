/**
 * Calling the app's server actions over plain HTTP, as React's client does: a POST to a page
 * that carries the action, `Next-Action: <id>` (ids from the build's server-reference manifest),
 * and a multipart body whose field "0" is the JSON array of arguments — "$K1" standing for a
 * FormData made of the fields prefixed "_1_", which must come before "0".
 */
import fs from "node:fs";
import path from "node:path";

export interface ActionRef {
  id: string;
  name: string;
  /** A page that carries the action, its dynamic segments filled by `fill`. */
  page: string;
}

/** Every server action of the current build, by exported name. */
export function loadActions(fill: Record<string, string> = {}): Record<string, ActionRef> {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName: string }>;
  };
  const out: Record<string, ActionRef> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    const workers = Object.keys(entry.workers).filter((w) => w !== "app/_not-found/page");
    // The sign-in page is the one page reachable without a session.
    const worker = workers.find((w) => w === "app/sign-in/page") ?? workers.find((w) => !w.includes("[")) ?? workers[0]!;
    const page = (worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]*\)/g, "") || "/").replace(/\[(\w+)\]/g, (_m, n: string) => fill[n] ?? n);
    out[entry.exportedName] = { id, name: entry.exportedName, page };
  }
  return out;
}

/** The multipart body of one call; a field may be a file, as a file input sends it. */
export function actionBody(args: unknown[], fields: [string, string | File][] = []): FormData {
  const form = new FormData();
  for (const [k, v] of fields) form.append(`_1_${k}`, v);
  form.append("0", JSON.stringify(args));
  return form;
}

/** One call with fetch, cookies given and returned by hand (for session tests). */
export async function fetchAction(baseURL: string, action: ActionRef, args: unknown[], fields: [string, string][] = [], cookie?: string) {
  const res = await fetch(new URL(action.page, baseURL), {
    method: "POST",
    headers: { "next-action": action.id, accept: "text/x-component", origin: new URL(baseURL).origin, ...(cookie ? { cookie } : {}) },
    body: actionBody(args, fields),
    redirect: "manual",
  });
  return { status: res.status, headers: res.headers, setCookies: res.headers.getSetCookie(), text: await res.text() };
}
