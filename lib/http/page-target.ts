import { decodePathSegment } from "./path-encoding";

/**
 * What a page address under `/programs/{slug}` names, as its page reads it: the program, one of
 * its items, claims or weeks. A name that is null is one the page itself turns away (a "%" left
 * after decoding, a week path of more than one segment).
 */
export type PageTarget =
  | { kind: "program"; slug: string }
  | { kind: "item"; slug: string; key: string | null }
  | { kind: "claim"; slug: string; id: string | null }
  | { kind: "week"; slug: string; week: string | null };

/** The sections of a program whose page shows the program as a whole. */
const PROGRAM_SECTIONS = new Set(["graph", "timeline", "settings", "ingest"]);

/**
 * The page target of `pathname` (as sent, percent-encoded), or null for any other address: one
 * outside a program, the Atom feed, a path no page matches (the router's own 404 answers it) or
 * one that is not valid percent-encoding. Segments are decoded as the pages get them: once by
 * the router, and names once more by the page (decodePathSegment).
 */
export function pageTarget(pathname: string): PageTarget | null {
  const raw = pathname.split("/");
  if (raw[0] !== "" || raw[1] !== "programs" || raw.length < 3 || raw.some((s, i) => i > 0 && s === "")) return null;
  const segments = decodeAll(raw.slice(2));
  if (!segments) return null;
  const [slug, section, ...rest] = segments as [string, ...string[]];
  if (section === undefined) return slug === "new" ? null : { kind: "program", slug };
  if (PROGRAM_SECTIONS.has(section)) return rest.length === 0 ? { kind: "program", slug } : null;
  if (section === "reports") {
    if (rest.length === 0) return { kind: "program", slug };
    return { kind: "week", slug, week: rest.length === 1 ? decodePathSegment(rest[0]!) : null };
  }
  if (section === "items" || section === "claims") {
    if (rest.length === 0) return { kind: "program", slug };
    if (rest.length > 1) return null;
    const name = decodePathSegment(rest[0]!);
    return section === "items" ? { kind: "item", slug, key: name } : { kind: "claim", slug, id: name };
  }
  return null;
}

function decodeAll(segments: string[]): string[] | null {
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

/** What a page address names that does not exist: its program, or the item, claim or week in it. */
export type MissingTarget = { kind: "program" } | { kind: "item" | "claim" | "week"; slug: string };

/**
 * The request header in which the proxy tells the 404 page what was missing, so that a page
 * rendered by the server (not only by the browser's script) says it in that page's words. The
 * proxy removes it from every request it did not set it on.
 */
export const MISSING_TARGET_HEADER = "x-tracker-missing";

export function missingTargetHeader(missing: MissingTarget): string {
  return missing.kind === "program" ? "program" : `${missing.kind} ${encodeURIComponent(missing.slug)}`;
}

/** The header's value read back; null for anything it could not have been set to. */
export function readMissingTargetHeader(value: string | null): MissingTarget | null {
  if (value === "program") return { kind: "program" };
  const match = /^(item|claim|week) ([^ ]+)$/.exec(value ?? "");
  if (!match) return null;
  try {
    return { kind: match[1] as "item" | "claim" | "week", slug: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}
