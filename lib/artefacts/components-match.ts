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

/**
 * Characters picomatch may read as more than themselves (wildcards, classes, braces, groups,
 * negation, quotes, which it drops, a NUL, which it skips): a glob's literal prefix ends at the
 * first. With extglobs off, `+` and `@` are themselves unless after one of these.
 */
const NOT_LITERAL = /[*?[\]{}()|!"\\\0]/;

/**
 * The folder every path that `glob` (normalised) matches starts with, followed by a `/` or by
 * nothing (`vm/devices/net/**` matches `vm/devices/net` too), or "" when it may match any path:
 * the glob's literal prefix up to its last `/`, without trailing slashes, which picomatch may make
 * optional before a `**`. A `|` splits picomatch's expression, so nothing before it binds (the
 * schema refuses it; a glob saved before the rule still gets no folder).
 */
export function globFolder(glob: string): string {
  if (glob.includes("|")) return "";
  const end = glob.search(NOT_LITERAL);
  const literal = end < 0 ? glob : glob.slice(0, end);
  const slash = literal.lastIndexOf("/");
  return slash < 0 ? "" : literal.slice(0, slash).replace(/\/+$/, "");
}

/** What a matching of paths against indexed globs has done so far, for a refusal to name. */
export interface MatchWork {
  /** The globs indexed: each list's distinct ones, summed. */
  globs: number;
  /** Those whose {@link globFolder} is "": every path is tested against them. */
  globsAnywhere: number;
  /** The paths looked up, and the tests of a path against a glob made. */
  paths: number;
  tests: number;
  /** The work done, in units of about 5 ns at worst (see {@link indexPathGlobs}). */
  units: number;
}

/** A glob as the index holds it: its safety checked and compiled when a path first needs it. */
interface IndexedGlob {
  glob: string;
  /** A `**` with more after it: picomatch tries the rest from each position, so a test costs up to the path's length times its segments. */
  globstarInside: boolean;
  test: ((path: string) => boolean) | null;
  /** The length of picomatch's regular expression for it, and the tests made with it. */
  expression: number;
  tests: number;
}

// Work is counted in units of about 5 ns at worst, measured on this project's two shared cores: a
// path costs its characters twice (normalised, scanned for folders) plus a fixed cost, and so does
// each test of it, times its segments plus 3 when the glob has a `**` before its end (picomatch
// then tries the rest from each position); a glob costs its characters to index and to check, and
// its regular expression's characters to compile: about 0.6 µs each at its first test, when
// picomatch parses it and V8 compiles it to bytecode, and 0.4 µs at its second, to machine code.
const TEST_UNITS = 250;
const INDEX_UNITS = 900;
const CHECK_UNITS_PER_CHARACTER = 150;
const FIRST_COMPILE_UNITS_PER_CHARACTER = 120;
const SECOND_COMPILE_UNITS_PER_CHARACTER = 80;
const SLASH = "/".charCodeAt(0);

/**
 * Many lists of path globs (an item's components each) indexed by {@link globFolder}, so that a
 * path is tested only against the globs whose folder is "", one of the path's folders or the path
 * itself. `listsMatching(path)` names the lists that {@link pathMatcher} would say match `path`,
 * exactly; a glob is checked and compiled at its first test. Every step is counted in units of the
 * worst it may take (above); past `budget`, the index throws what `refuse` makes of the work done.
 */
export function indexPathGlobs(lists: readonly (readonly string[])[], budget: number, refuse: (work: MatchWork) => Error) {
  const work: MatchWork = { globs: 0, globsAnywhere: 0, paths: 0, tests: 0, units: 0 };
  const spend = (units: number) => {
    work.units += units;
    if (work.units > budget) throw refuse(work);
  };

  // Counted before the index is built, so a program with more globs than a matching can take is refused at once.
  spend(lists.reduce((sum, list) => list.reduce((s, glob) => s + glob.length + INDEX_UNITS, sum), 0));
  const byGlob = new Map<string, IndexedGlob>();
  const byFolder = new Map<string, { list: number; glob: IndexedGlob }[]>();
  for (const [list, raw] of lists.entries()) {
    for (const glob of new Set(raw.map(normalisePath))) {
      if (glob === "") continue;
      let indexed = byGlob.get(glob);
      if (!indexed) {
        indexed = { glob, globstarInside: glob.replace(/\*\*$/, "").includes("**"), test: null, expression: 0, tests: 0 };
        byGlob.set(glob, indexed);
      }
      const folder = globFolder(glob);
      const entries = byFolder.get(folder);
      if (entries) entries.push({ list, glob: indexed });
      else byFolder.set(folder, [{ list, glob: indexed }]);
      work.globs++;
      if (folder === "") work.globsAnywhere++;
    }
  }

  const compile = (indexed: IndexedGlob) => {
    spend(indexed.glob.length * CHECK_UNITS_PER_CHARACTER);
    if (unsafeGlobReason(indexed.glob) !== null) return () => false;
    const matcher = picomatch(indexed.glob, { dot: true, noextglob: true }, true);
    indexed.expression = matcher.state.output.length;
    spend(indexed.expression * FIRST_COMPILE_UNITS_PER_CHARACTER);
    return matcher;
  };
  const matchedBy = new Int32Array(lists.length).fill(-1);
  // A path is looked up only where a folder of its length exists, so a path of many segments costs few look-ups.
  const isFolderLength = new Uint8Array(MAX_PATH_LENGTH + 1);
  for (const folder of byFolder.keys()) if (folder.length <= MAX_PATH_LENGTH) isFolderLength[folder.length] = 1;

  return {
    work,
    /** The indices of the lists with a glob that matches `path`, in no particular order. */
    listsMatching(path: string): number[] {
      const matched: number[] = [];
      if (path.length > MAX_PATH_LENGTH) return matched;
      const p = normalisePath(path);
      if (p === "") return matched;
      const seen = work.paths++;
      spend(TEST_UNITS + 2 * p.length);
      let slashes = 0;
      for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === SLASH) slashes++;
      const visit = (folder: string) => {
        for (const { list, glob } of byFolder.get(folder) ?? []) {
          if (matchedBy[list] === seen) continue;
          glob.test ??= compile(glob);
          if (glob.tests++ === 1) spend(glob.expression * SECOND_COMPILE_UNITS_PER_CHARACTER);
          work.tests++;
          spend(TEST_UNITS + p.length * (glob.globstarInside ? slashes + 3 : 1));
          if (glob.test(p)) {
            matchedBy[list] = seen;
            matched.push(list);
          }
        }
      };
      visit("");
      for (let i = 1; i < p.length; i++) if (p.charCodeAt(i) === SLASH && isFolderLength[i] === 1) visit(p.slice(0, i));
      if (isFolderLength[p.length] === 1) visit(p);
      return matched;
    },
  };
}

/** Whether `path` is matched by any of `globs` (see {@link pathMatcher} for the semantics). */
export function matchesPath(globs: readonly string[], path: string): boolean {
  return pathMatcher(globs)(path);
}

/** Whether `name` is one of `names`: exact and case-sensitive, as Cargo and crash reports spell them. */
export function matchesName(names: readonly string[], name: string): boolean {
  return names.includes(name);
}
