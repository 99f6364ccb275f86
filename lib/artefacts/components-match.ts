import picomatch from "picomatch";

/** An item's components split the way artefacts name things: file paths or package/module names. */
export interface SplitComponents {
  globs: string[];
  names: string[];
}

const GLOB_SIGN = /[/*?[{]/;

/** Whether a component is a path glob (it has a `/` or one of `*?[{`) rather than a package or module name. */
export function isPathGlob(entry: string): boolean {
  return GLOB_SIGN.test(entry);
}

/** An entry with a `/` or one of `*?[{` is a path glob; any other entry a package or module name. */
export function splitComponents(components: readonly string[]): SplitComponents {
  const globs: string[] = [];
  const names: string[] = [];
  for (const raw of components) {
    const entry = raw.trim();
    if (entry === "") continue;
    if (isPathGlob(entry)) globs.push(entry);
    else names.push(entry);
  }
  return { globs, names };
}

/** `.\vm\devices\a.rs` and `./vm/devices/a.rs` → `vm/devices/a.rs`: reports from Windows and from `./` roots name the same file. */
export function normalisePath(path: string): string {
  let p = path.trim().replaceAll("\\", "/");
  while (p.startsWith("./")) p = p.slice(2);
  return p;
}

/** The most alternatives a glob's one `{…}` group may list. */
const MAX_ALTERNATIVES = 8;

/**
 * Why picomatch could take long to match `glob` (read as {@link pathMatcher} reads it) against a
 * path, or null when it cannot: any contributor saves component globs, and every path of an
 * uploaded report is matched against them on the one Node thread. Used by the schema, which
 * refuses such a glob, and by the matcher, which ignores one saved before the rule.
 */
export function unsafeGlobReason(glob: string): string | null {
  const g = normalisePath(glob);
  // Picomatch hands these to the regular expression as they are: groups, alternatives, quantifiers.
  if (/[()|]/.test(g)) return 'must not hold "(", ")" or "|"';
  if (/[\]}]\+/.test(g)) return 'must not hold "+" right after "]" or "}"';
  // Overlapping alternatives multiply the ways a path is tried: one group, a few alternatives.
  const groups = g.split("{").length - 1;
  if (groups > 1) return "may hold at most one {…} group";
  if (groups === 1 && g.slice(g.indexOf("{")).split(",").length > MAX_ALTERNATIVES) {
    return `may list at most ${MAX_ALTERNATIVES} alternatives in its {…} group`;
  }
  const segments = globSegments(g);
  // Each `*` in a segment is a lazy `[^/]*?`: k of them try every way to split a name in k parts.
  if (segments.some((s) => s !== "**" && s.split("*").length > 2)) {
    return "may hold at most one * per path segment (besides a ** segment)";
  }
  // A `**` tries every position of the path; a second one, unless last, tries them all again for each.
  const globstars = segments.filter((s) => s === "**").length;
  if (globstars > 2) return "may hold at most two ** segments";
  if (globstars === 2 && segments.at(-1) !== "**") return "may hold a second ** segment only as its last segment";
  return null;
}

/**
 * `glob` cut at each `/`, except a `/` that may sit in a `[…]` class or `{…}` group (`*[a/]*` is
 * one segment to picomatch): a segment never reads shorter than picomatch reads it, at the price of
 * refusing a few harmless globs such as `{*.rs,*.toml}`.
 */
function globSegments(glob: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === "/" && !mayBeEnclosed(glob, i)) {
      segments.push(glob.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(glob.slice(start));
  return segments;
}

function mayBeEnclosed(glob: string, at: number): boolean {
  const between = (open: string, close: string) => glob.lastIndexOf(open, at) >= 0 && glob.indexOf(close, at) >= 0;
  return between("[", "]") || between("{", "}");
}

/**
 * Longer paths are never matched (so they are listed as unmapped): with two `**` matching time
 * grows with the square of the path, and no source file a report names has a longer path (macOS's
 * PATH_MAX; Windows' MAX_PATH is 260).
 */
const MAX_PATH_LENGTH = 1024;

/**
 * A test for paths against any of `globs`, compiled once. Picomatch semantics, with dotfiles
 * included: `vm/devices/net/**` matches `vm/devices/net` itself and every file at any depth below
 * it; `vm/devices/net/*` only the files directly in it; a plain `vm/devices/net` only that exact
 * path, never the files below it. Globs are anchored: they match the whole path as the report
 * names it, so a report with absolute paths needs absolute (or `**`-led) globs. A glob that
 * {@link unsafeGlobReason} refuses (one saved before the rule) matches nothing, and so does a path
 * longer than 1,024 characters.
 */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const safe = globs.map(normalisePath).filter((g) => g !== "" && unsafeGlobReason(g) === null);
  if (safe.length === 0) return () => false;
  // Extglobs off too, though `(` is refused already: `+(…)` would be a quantified group.
  const test = picomatch(safe, { dot: true, noextglob: true });
  return (path) => path.length <= MAX_PATH_LENGTH && test(normalisePath(path));
}

/** Whether `path` is matched by any of `globs` (see {@link pathMatcher} for the semantics). */
export function matchesPath(globs: readonly string[], path: string): boolean {
  return pathMatcher(globs)(path);
}

/** Whether `name` is one of `names`: exact and case-sensitive, as Cargo and crash reports spell them. */
export function matchesName(names: readonly string[], name: string): boolean {
  return names.includes(name);
}
