import { artefactError } from "./artefact-types";
import { parseTomlArtefact } from "./toml-artefact";

const KIND = "Cargo.lock";

/** One `[[package]]` of a Cargo.lock, its dependencies resolved to package ids (`name@version`). */
export interface CargoPackage {
  id: string;
  name: string;
  version: string;
  source?: string;
  dependencies: string[];
}

export interface CargoLock {
  packages: CargoPackage[];
  byId: ReadonlyMap<string, CargoPackage>;
  byName: ReadonlyMap<string, readonly CargoPackage[]>;
}

/** Crates from a registry (crates.io or another index); path and git packages are first-party. */
export function isRegistryPackage(pkg: Pick<CargoPackage, "source">): boolean {
  return pkg.source !== undefined && (pkg.source.startsWith("registry+") || pkg.source.startsWith("sparse+"));
}

/** Parses a Cargo.lock text; anything Cargo would not have written is refused with the line it is on. */
export function parseCargoLock(text: string): CargoLock {
  const doc = parseTomlArtefact(KIND, text);
  const raw = doc.package;
  if (!Array.isArray(raw) || raw.length === 0) throw artefactError(KIND, "it has no [[package]] entries");
  const headerLines = packageHeaderLines(text);

  const packages: CargoPackage[] = [];
  const byId = new Map<string, CargoPackage>();
  const byName = new Map<string, CargoPackage[]>();
  const rawDeps: unknown[] = [];
  raw.forEach((entry: unknown, index) => {
    const fields = (typeof entry === "object" && entry !== null ? entry : {}) as Record<string, unknown>;
    const { name, version, source } = fields;
    if (typeof name !== "string" || name === "" || typeof version !== "string" || version === "") {
      throw artefactError(KIND, `package ${index + 1} has no name or no version`, headerLines[index]);
    }
    // Cargo never repeats name@version from one source; from two it names the source in dependencies.
    const id = byId.has(`${name}@${version}`) ? `${name}@${version} (${String(source ?? "path")})` : `${name}@${version}`;
    const pkg: CargoPackage = { id, name, version, ...(typeof source === "string" ? { source } : {}), dependencies: [] };
    packages.push(pkg);
    byId.set(id, pkg);
    const sameName = byName.get(name) ?? [];
    sameName.push(pkg);
    byName.set(name, sameName);
    rawDeps.push(fields.dependencies ?? []);
  });

  packages.forEach((pkg, index) => {
    const deps = rawDeps[index];
    if (!Array.isArray(deps)) throw artefactError(KIND, `the dependencies of ${pkg.name} ${pkg.version} are not a list`, headerLines[index]);
    pkg.dependencies = deps.map((dep: unknown) => {
      const resolved = typeof dep === "string" ? resolveDependency(dep, byName) : undefined;
      if (!resolved) throw artefactError(KIND, `${pkg.name} ${pkg.version} depends on "${String(dep)}", which names no single package in this lock`, headerLines[index]);
      return resolved.id;
    });
  });
  return { packages, byId, byName };
}

/** `"name"`, `"name version"` or `"name version (source)"`, as Cargo writes them, to one package. */
function resolveDependency(entry: string, byName: ReadonlyMap<string, readonly CargoPackage[]>): CargoPackage | undefined {
  const match = /^(\S+)(?: (\S+)(?: \((.+)\))?)?$/.exec(entry.trim());
  if (!match) return undefined;
  const [, name, version, source] = match;
  const candidates = (byName.get(name) ?? []).filter((p) => (version === undefined || p.version === version) && (source === undefined || p.source === source));
  return candidates.length === 1 ? candidates[0] : undefined;
}

export interface Closure {
  /** Package ids reachable from the roots, registry roots included, first-party roots left out. */
  ids: Set<string>;
  /** Root names no package in the lock carries. */
  unknown: string[];
}

/** Everything the packages named `rootNames` (every version of each) pull in, breadth-first. */
export function closure(lock: CargoLock, rootNames: readonly string[]): Closure {
  const unknown: string[] = [];
  const roots: CargoPackage[] = [];
  for (const name of new Set(rootNames)) {
    const found = lock.byName.get(name);
    if (found) roots.push(...found);
    else unknown.push(name);
  }
  const seen = new Set(roots.map((p) => p.id));
  const queue = [...roots];
  for (let i = 0; i < queue.length; i++) {
    for (const dep of queue[i].dependencies) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      queue.push(lock.byId.get(dep)!);
    }
  }
  // A first-party root stays out even when another root pulls it in: it is the item's own code.
  for (const root of roots) if (!isRegistryPackage(root)) seen.delete(root.id);
  return { ids: seen, unknown };
}

/** 1-based line of each `[[package]]` header, in order, so a bad entry can be pointed at. */
function packageHeaderLines(text: string): number[] {
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*\[\[\s*package\s*\]\]/.test(line)) lines.push(i + 1);
  });
  return lines;
}
