import { percentFloor } from "../format";
import { type IngestResult, type ItemComponents, type ItemFigure } from "./artefact-types";
import { pathMatcher, splitComponents } from "./components-match";
import { countOf, formatCount } from "./count-words";
import { type FileCoverage } from "./file-coverage";

/**
 * Each item's `test_coverage_pct` over the files its path globs match: lines hit over lines found,
 * summed across those files and floored to one decimal. A file may count for several items. An
 * item that matches no file gets no figure (the report says nothing about it); one whose files
 * have no line to cover gets a note instead of a figure. Files no item matches are `unmapped`.
 */
export function coverageFigures(files: readonly FileCoverage[], items: readonly ItemComponents[]): IngestResult {
  const figures: ItemFigure[] = [];
  const notes: string[] = [];
  const mapped = new Set<FileCoverage>();

  for (const item of items) {
    const matches = pathMatcher(splitComponents(item.components).globs);
    const matched = files.filter((file) => matches(file.path));
    if (matched.length === 0) continue;
    matched.forEach((file) => mapped.add(file));
    const found = matched.reduce((sum, file) => sum + file.linesFound, 0);
    const hit = matched.reduce((sum, file) => sum + file.linesHit, 0);
    if (found === 0) {
      notes.push(`${item.key}: ${countOf(matched.length, "file")} matched, with no line to cover: no test coverage recorded`);
      continue;
    }
    figures.push({
      key: item.key,
      metric: "test_coverage_pct",
      value: percentFloor(hit / found),
      detail: `${formatCount(hit)} of ${countOf(found, "line")} hit in ${countOf(matched.length, "file")}`,
    });
  }

  const unmapped = [...new Set(files.filter((file) => !mapped.has(file)).map((file) => file.path))].sort();
  return { figures, unmapped, notes };
}
