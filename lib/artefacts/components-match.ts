import picomatch from "picomatch";

/** An item's components split the way artefacts name things: file paths or package/module names. */
export interface SplitComponents {
  globs: string[];
  names: string[];
}

const GLOB_SIGN = /[/*?[{]/;

/** An entry with a `/` or one of `*?[{` is a path glob; any other entry a package or module name. */
export function splitComponents(components: readonly string[]): SplitComponents {
  const globs: string[] = [];
  const names: string[] = [];
  for (const raw of components) {
    const entry = raw.trim();
    if (entry === "") continue;
    if (GLOB_SIGN.test(entry)) globs.push(entry);
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

/**
 * A test for paths against any of `globs`, compiled once. Picomatch semantics, with dotfiles
 * included: `vm/devices/net/**` matches `vm/devices/net` itself and every file at any depth below
 * it; `vm/devices/net/*` only the files directly in it; a plain `vm/devices/net` only that exact
 * path, never the files below it. Globs are anchored: they match the whole path as the report
 * names it, so a report with absolute paths needs absolute (or `**`-led) globs.
 */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const test = picomatch(globs.map(normalisePath), { dot: true });
  return (path) => test(normalisePath(path));
}

/** Whether `path` is matched by any of `globs` (see {@link pathMatcher} for the semantics). */
export function matchesPath(globs: readonly string[], path: string): boolean {
  return pathMatcher(globs)(path);
}

/** Whether `name` is one of `names`: exact and case-sensitive, as Cargo and crash reports spell them. */
export function matchesName(names: readonly string[], name: string): boolean {
  return names.includes(name);
}
