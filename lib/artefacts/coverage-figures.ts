import { AppError } from "../errors";
import { percentFloor } from "../format";
import { type IngestResult, type ItemComponents, type ItemFigure } from "./artefact-types";
import { indexPathGlobs, type MatchWork, splitComponents } from "./components-match";
import { countOf, formatCount } from "./count-words";
import { type FileCoverage } from "./file-coverage";

/**
 * The most work one report's matching may take, in the units {@link indexPathGlobs} counts (about
 * 5 ns each at worst on this project's two shared cores, so at most about 3 s for the costliest
 * inputs, and well under a second for ordinary ones: units are priced at their worst case). Set so
 * that 60 patterns that start with `**` (one for every folder named `net`, say) against 10,000
 * ordinary paths, which took under a second before the index, still pass. A program of 10,000 items with two globs each, against a report
 * of 10,000 files each in another item's folder, takes a quarter of it.
 */
export const COVERAGE_MATCH_BUDGET = 600_000_000;

/**
 * Each item's `test_coverage_pct` over the files its path globs match: lines hit over lines found,
 * summed across those files and floored to one decimal. A file may count for several items. An
 * item that matches no file gets no figure (the report says nothing about it); one whose files
 * have no line to cover gets a note instead of a figure. Files no item matches are `unmapped`.
 * A file is compared only with the globs that can match it (see {@link indexPathGlobs}); a report
 * whose comparisons would take more than `budget` is refused as a whole.
 */
export function coverageFigures(files: readonly FileCoverage[], items: readonly ItemComponents[], budget = COVERAGE_MATCH_BUDGET): IngestResult {
  const lists = items.map((item) => splitComponents(item.components).globs);
  const patterns = lists.reduce((sum, globs) => sum + globs.length, 0);
  const index = indexPathGlobs(lists, budget, (work) => tooMuchToMatch(files.length, patterns, work));
  const totals = items.map(() => ({ files: 0, found: 0, hit: 0 }));
  const mapped = new Set<FileCoverage>();
  for (const file of files) {
    for (const i of index.listsMatching(file.path)) {
      const total = totals[i]!;
      total.files++;
      total.found += file.linesFound;
      total.hit += file.linesHit;
      mapped.add(file);
    }
  }

  const figures: ItemFigure[] = [];
  const notes: string[] = [];
  for (const [i, item] of items.entries()) {
    const { files: matched, found, hit } = totals[i]!;
    if (matched === 0) continue;
    if (found === 0) {
      notes.push(`${item.key}: ${countOf(matched, "file")} matched, with no line to cover: no test coverage recorded`);
      continue;
    }
    figures.push({
      key: item.key,
      metric: "test_coverage_pct",
      value: percentFloor(hit / found),
      detail: `${formatCount(hit)} of ${countOf(found, "line")} hit in ${countOf(matched, "file")}`,
    });
  }

  const unmapped = [...new Set(files.filter((file) => !mapped.has(file)).map((file) => file.path))].sort();
  return { figures, unmapped, notes };
}

function tooMuchToMatch(files: number, patterns: number, work: MatchWork): AppError {
  if (work.paths === 0) {
    return new AppError(
      "invalid",
      `the items' ${countOf(patterns, "path pattern")} are too many to compare with the files of a coverage report in one upload ` +
        `(this one has ${countOf(files, "file")}), and nothing was recorded. ` +
        `Remove the patterns no item needs, or cover a folder with one pattern (vm/net/** rather than one pattern per file)`,
    );
  }
  const anywhere = work.globsAnywhere > 0;
  return new AppError(
    "invalid",
    `this coverage report has too many files to compare with the items' path patterns in one upload: ` +
      `its ${countOf(files, "file")} against ${countOf(patterns, "path pattern")}` +
      (anywhere ? `, of which ${formatCount(work.globsAnywhere)} name no folder before their first wildcard (such as **/net/**) and so are compared with every file` : "") +
      `. Matching stopped after ${countOf(work.tests, "comparison")} (long paths count for more), and nothing was recorded. ` +
      (anywhere
        ? `Narrow the patterns that start with ** to a folder (vm/**/net/** rather than **/net/**)`
        : `Use fewer and simpler path patterns (vm/net/** rather than one pattern per file)`) +
      `, or leave the files no item covers out of the report`,
  );
}
