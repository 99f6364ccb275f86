import { normalisePath } from "./components-match";

/** One source file's line coverage as a report gives it. */
export interface FileCoverage {
  path: string;
  linesFound: number;
  linesHit: number;
}

/**
 * One section of a report about one file: an LCOV record or a Cobertura class. `hitByLine` when the
 * section lists its lines (line number → hit at least once), else only the totals it states.
 */
export interface FileSection {
  path: string;
  hitByLine: ReadonlyMap<number, boolean> | null;
  found: number;
  hit: number;
}

/**
 * Sections naming the same file (after `./` and backslashes are normalised) become one file, in
 * the order first seen. Listed lines are united: a line is found once, and hit when any section
 * hit it. A section with totals only cannot be united line by line, so it contributes the larger
 * of the counts, never their sum: a lower bound that never overstates coverage.
 */
export function mergeFileSections(sections: readonly FileSection[]): FileCoverage[] {
  const byPath = new Map<string, { lines: Map<number, boolean>; found: number; hit: number }>();
  for (const section of sections) {
    const path = normalisePath(section.path);
    let file = byPath.get(path);
    if (!file) {
      file = { lines: new Map(), found: 0, hit: 0 };
      byPath.set(path, file);
    }
    if (section.hitByLine) {
      for (const [line, hit] of section.hitByLine) file.lines.set(line, hit || file.lines.get(line) === true);
    } else {
      file.found = Math.max(file.found, section.found);
      file.hit = Math.max(file.hit, section.hit);
    }
  }
  return [...byPath].map(([path, file]) => {
    const listedHit = [...file.lines.values()].filter(Boolean).length;
    return { path, linesFound: Math.max(file.lines.size, file.found), linesHit: Math.max(listedHit, file.hit) };
  });
}
