/**
 * A comment is plain text. Two things in it are read as more than text: http(s) URLs (shown as
 * links) and `@handle` mentions of people. Everything else — markup, other schemes, e-mail
 * addresses — stays text, so nothing a person types can become HTML.
 */
export type CommentToken =
  | { kind: "text"; text: string }
  | { kind: "link"; text: string; href: string }
  | { kind: "mention"; text: string; handle: string };

// A URL runs to the next space or character that cannot stand unescaped in one.
const URL_PATTERN = /https?:\/\/[^\s<>"'`\\^{|}]+/gi;
// The characters of a handle (an e-mail's local part as people write them); never ends with a dot.
const HANDLE_PATTERN = /@([a-z0-9_%+-](?:[a-z0-9._%+-]*[a-z0-9_%+-])?)/gi;
// Before a mention: start of text, or a character that cannot be part of an address or a word.
const IN_WORD = /[\p{L}\p{N}._%+\-@/]/u;

// Longer than any link people share (browsers and servers commonly stop near 2,048): such a run
// stays text, which also bounds what parsing and rendering one link can cost.
const MAX_URL_LENGTH = 2048;

/** How many of each bracket a URL trimmer weighs: `(` `)` `[` `]`. */
function bracketCounts(text: string): Record<"(" | ")" | "[" | "]", number> {
  const counts = { "(": 0, ")": 0, "[": 0, "]": 0 };
  for (const ch of text) if (ch === "(" || ch === ")" || ch === "[" || ch === "]") counts[ch]++;
  return counts;
}

/**
 * Trailing punctuation a sentence puts after a URL, and closing brackets that do not close one of
 * its own. One pass from the end: trimming never removes an opening bracket, so only the count of
 * closers changes as they go, and re-counting the whole URL per character would be quadratic.
 */
function trimUrl(raw: string): string {
  const counts = bracketCounts(raw);
  let end = raw.length;
  while (end > 0) {
    const last = raw[end - 1]!;
    if (last === ")" || last === "]") {
      if (counts[last] <= counts[last === ")" ? "(" : "["]) break;
      counts[last]--;
    } else if (!".,;:!?*".includes(last)) break;
    end--;
  }
  return raw.slice(0, end);
}

/** The link's target when `text` is an http(s) URL that parses, else null. */
function linkTarget(text: string): string | null {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url.href : null;
  } catch {
    return null;
  }
}

function mentionsIn(text: string, known: (handle: string) => boolean): CommentToken[] {
  const out: CommentToken[] = [];
  let at = 0;
  for (const m of text.matchAll(HANDLE_PATTERN)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = start > 0 ? text[start - 1]! : "";
    // `@ana@example.com` is an address, not a mention; `x@ana` is inside a word.
    if ((before !== "" && IN_WORD.test(before)) || text[end] === "@") continue;
    const handle = m[1]!.toLowerCase();
    if (!known(handle)) continue;
    if (start > at) out.push({ kind: "text", text: text.slice(at, start) });
    out.push({ kind: "mention", text: m[0], handle });
    at = end;
  }
  if (at < text.length) out.push({ kind: "text", text: text.slice(at) });
  return out;
}

/**
 * The tokens of a comment, in order; their texts joined give the comment back exactly. `known`
 * says which handles name a person (default: any): an unknown handle stays text.
 */
export function tokenizeComment(body: string, known: (handle: string) => boolean = () => true): CommentToken[] {
  const tokens: CommentToken[] = [];
  const push = (t: CommentToken) => {
    const last = tokens.at(-1);
    if (t.kind === "text" && last?.kind === "text") last.text += t.text;
    else tokens.push(t);
  };
  let at = 0;
  for (const m of body.matchAll(URL_PATTERN)) {
    const start = m.index;
    const before = start > 0 ? body[start - 1]! : "";
    // "xhttp://…" is a word that happens to contain a scheme, not a link.
    if (/[\p{L}\p{N}]/u.test(before)) continue;
    const text = trimUrl(m[0]);
    if (text.length > MAX_URL_LENGTH) continue;
    const href = linkTarget(text);
    if (href === null) continue;
    mentionsIn(body.slice(at, start), known).forEach(push);
    push({ kind: "link", text, href });
    at = start + text.length;
  }
  mentionsIn(body.slice(at), known).forEach(push);
  return tokens;
}

/** The distinct handles a comment mentions (lower case, in order of first mention), known or not. */
export function mentionHandles(body: string): string[] {
  const handles = tokenizeComment(body).flatMap((t) => (t.kind === "mention" ? [t.handle] : []));
  return [...new Set(handles)];
}
