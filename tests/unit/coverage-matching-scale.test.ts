/**
 * Coverage matching at scale: a file is compared only with the globs whose folder it lies in, and
 * answers exactly as comparing every file with every item's globs did; a report whose comparisons
 * would take too long is refused as a whole, in words a program manager can act on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type IngestResult, type ItemComponents, type ItemFigure } from "@/lib/artefacts/artefact-types";
import { globFolder, indexPathGlobs, normalisePath, pathMatcher, splitComponents } from "@/lib/artefacts/components-match";
import { countOf, formatCount } from "@/lib/artefacts/count-words";
import { COVERAGE_MATCH_BUDGET, coverageFigures } from "@/lib/artefacts/coverage-figures";
import { type FileCoverage } from "@/lib/artefacts/file-coverage";
import { readArtefacts } from "@/lib/artefacts/read-artefacts";
import { AppError } from "@/lib/errors";
import { percentFloor } from "@/lib/format";

/** The reference: every file against every item's globs through pathMatcher, as coverageFigures did before the index. */
function allPairsFigures(files: readonly FileCoverage[], items: readonly ItemComponents[]): IngestResult {
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

const refuseNever = () => new Error("no budget in this test");

/**
 * Glob pieces over a small alphabet, each with strings a path may hold in its place: what it
 * matches, what it may not, so that generated paths match often and miss narrowly. Unsafe pieces
 * (`|`, `(`) make globs both matchers ignore.
 */
const PIECES: Record<string, string[]> = {
  a: ["a"],
  b: ["b", "a"],
  A: ["A", "a"],
  ".": [".", "a"],
  "..": ["..", "."],
  "/": ["/", "//", ""],
  "//": ["//", "/"],
  "*": ["", "a", "ab", ".a", "/", "."],
  "**": ["", "a", "a/b", ".a/b", "a/./b", "..", "/", "a/"],
  "?": ["a", ".", "", "ab", "/"],
  "[ab]": ["a", "b", "c", "[ab]"],
  "[!a]": ["b", "a", "/"],
  "[a-c]": ["b", "d"],
  "[a/]": ["a", "/", "[a/]"],
  "[[:alpha:]]": ["a", "1"],
  "{a,b}": ["a", "b", "{a,b}", "ab"],
  "{,a}": ["", "a", ","],
  "{a/b,c}": ["a/b", "c", "a"],
  "{a,*}": ["a", "b", ""],
  "\\": ["/", "\\"],
  "\\*": ["/a", "*", "\\*"],
  '"': ['"', ""],
  "!": ["!", ""],
  "+": ["+", "a"],
  "[ab]+": ["a", "ab", "[ab]+"],
  "@": ["@"],
  $: ["$"],
  "^": ["^"],
  ",": [","],
  "]": ["]"],
  "}": ["}"],
  "-": ["-"],
  " ": [" ", ""],
  "\n": ["\n", ""],
  "\u0000": ["", "\u0000"],
  "|": ["|", "a"],
  "(": ["(", ""],
};
const COMMON = ["a", "b", ".", "/", "*", "**", "?", "[ab]", "{a,b}"];
const pieceName = fc.oneof(
  { arbitrary: fc.constantFrom(...COMMON), weight: 3 },
  { arbitrary: fc.constantFrom(...Object.keys(PIECES).filter((name) => !COMMON.includes(name))), weight: 1 },
);
/** Literal folders a glob may start with, so that its folder is often not "", and paths in them, beside them and above them. */
const LEADS: Record<string, string[]> = {
  "": [""],
  "./": ["", "./"],
  "/": ["/", ""],
  "**/": ["", "a/", "./"],
  "!": ["", "!"],
  " ": ["", " "],
  "a/": ["a/", "./a/", ".\\a\\", "a//", "b/", "A/", ""],
  "a/b/": ["a/b/", "a/b//", "a/", "a/c/", "./a/b/", "a\\b\\"],
  "./a/.b/": ["a/.b/", "a/b/", "./a/.b/"],
  "a//": ["a//", "a/"],
  "a/../": ["a/../", "../"],
  "ab/a/": ["ab/a/", "ab/", "a/", "ab/a"],
  '"a"/b/': ["a/b/", '"a"/b/', "a/"],
  "a\u0000/b/": ["a/b/", "a\u0000/b/"],
};
const TAILS: Record<string, string[]> = {
  "": ["", "/", "x", "/x.rs"],
  "/": ["/", ""],
  "/**": ["", "/", "/x.rs", "/a/.x", "/..", "/a/./b"],
  "/*": ["/x.rs", "/.x", "", "/a/b"],
  " ": ["", " "],
};
/** Mostly the first instance of a piece, which the piece matches, else any. */
const pick = fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.nat(), weight: 1 });

/** A glob and a path made from the same pieces, the path sometimes made longer than 1,024 characters. */
const globAndPath = fc
  .record({
    lead: fc.constantFrom(...Object.keys(LEADS)),
    pathLead: pick,
    pieces: fc.array(fc.record({ name: pieceName, pick }), { minLength: 1, maxLength: 6 }),
    tail: fc.constantFrom(...Object.keys(TAILS)),
    pathTail: pick,
    long: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 1, 2),
  })
  .map(({ lead, pathLead, pieces, tail, pathTail, long }) => {
    const glob = lead + pieces.map((p) => p.name).join("") + tail;
    const body = LEADS[lead]![pathLead % LEADS[lead]!.length] + pieces.map((p) => PIECES[p.name]![p.pick % PIECES[p.name]!.length]).join("") + TAILS[tail]![pathTail % TAILS[tail]!.length];
    // 1: a path just over 1,024 characters that would match but must not; 2: one of exactly 1,024 that may.
    const path = long === 1 ? `${body}${"/a".repeat(520)}` : long === 2 ? `${body}${"/a".repeat(600)}`.slice(0, 1024) : body;
    return { glob, path };
  });

describe("globFolder", () => {
  it("is the literal prefix up to its last slash, ended by any character picomatch may read otherwise", () => {
    const cases: [string, string][] = [
      ["src/vmm/**", "src/vmm"],
      ["crates/devices/src/virtio/*.rs", "crates/devices/src/virtio"],
      ["vm/devices/net", "vm/devices"],
      ["**/vm/net/**", ""],
      ["*.rs", ""],
      ["src/{a,b}/**", "src"],
      ["src/a{b,c}/**", "src"],
      ["src/[ab]/x/**", "src"],
      ["a/b?/c", "a"],
      ["a//**", "a"],
      ["/abs/path/**", "/abs/path"],
      ["/**", ""],
      ['a/"b"/c/**', "a"],
      ["!a/b/**", ""],
      ["a/b+/c/**", "a/b+/c"],
      ["a/@b/c/**", "a/@b/c"],
      ["a/[b/]c/d", "a"],
      ["a/b\u0000c/d/**", "a"],
      ["a/b/c|d/e", ""],
      ["c++/src/**", "c++/src"],
      ["underhill_core", ""],
    ];
    for (const [glob, folder] of cases) expect(globFolder(glob), glob).toBe(folder);
  });
});

describe("indexPathGlobs", () => {
  it("matches as pathMatcher does on each glob, for any glob and path over a small alphabet", () => {
    let matches = 0;
    let tests = 0;
    let throughFolders = 0;
    fc.assert(
      fc.property(fc.array(globAndPath, { minLength: 1, maxLength: 8 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), (pairs, extraPaths) => {
        const globs = pairs.map((p) => p.glob);
        const index = indexPathGlobs(
          globs.map((glob) => [glob]),
          Infinity,
          refuseNever,
        );
        const references = globs.map((glob) => pathMatcher([glob]));
        for (const path of [...pairs.map((p) => p.path), ...extraPaths]) {
          const expected = globs.flatMap((_, i) => (references[i]!(path) ? [i] : []));
          expect([...index.listsMatching(path)].sort((x, y) => x - y), `${JSON.stringify(path)} against ${JSON.stringify(globs)}`).toEqual(expected);
          tests += globs.length;
          matches += expected.length;
          throughFolders += expected.filter((i) => globFolder(normalisePath(globs[i]!)) !== "").length;
        }
      }),
      { numRuns: 1000 },
    );
    // The generator is worth something only if paths do match, and through folders too.
    expect(matches).toBeGreaterThan(tests / 20);
    expect(throughFolders).toBeGreaterThan(tests / 100);
  });

  it("gives every item the figures and every file the place the all-pairs matching gives, for any items and report", () => {
    const itemsAndFiles = fc
      .array(globAndPath, { minLength: 1, maxLength: 10 })
      .chain((pairs) =>
        fc.record({
          items: fc.array(
            fc.record({
              globs: fc.subarray(pairs.map((p) => p.glob)),
              names: fc.subarray(["underhill_core", "net_backend"]),
            }),
            { maxLength: 6 },
          ),
          files: fc.array(
            fc.record({ path: fc.constantFrom(...pairs.map((p) => p.path), "vm/lib.rs", "./a", ""), found: fc.nat({ max: 40 }), share: fc.nat({ max: 40 }) }),
            { maxLength: 12 },
          ),
        }),
      );
    fc.assert(
      fc.property(itemsAndFiles, ({ items, files }) => {
        const report = files.map((f) => ({ path: f.path, linesFound: f.found, linesHit: Math.min(f.share, f.found) }));
        // The same file object twice counts twice, as it did.
        if (report.length > 0) report.push(report[0]!);
        const withKeys = items.map((item, i) => ({ key: `IT-${i}`, components: [...item.globs, ...item.names] }));
        expect(coverageFigures(report, withKeys)).toEqual(allPairsFigures(report, withKeys));
      }),
      { numRuns: 500 },
    );
  });

  it("matches a folder glob's folder itself, and Windows, ./ and case as pathMatcher does", () => {
    const lists = [["vm/devices/net/**"], ["./src/{a,b}/*.rs"], ["Vm/**"], ["crates\\x\\src\\*.rs"], ["a//**"], ["**/net/**"]];
    const index = indexPathGlobs(lists, Infinity, refuseNever);
    const cases: [string, number[]][] = [
      ["vm/devices/net", [0, 5]],
      ["vm/devices/net/", [0, 5]],
      ["vm/devices/network/lib.rs", []],
      [".\\vm\\devices\\net\\lib.rs", [0, 5]],
      ["src/b/lib.rs", [1]],
      ["./src/a/lib.rs", [1]],
      ["src/c/lib.rs", []],
      ["vm/x.rs", []],
      ["Vm/x.rs", [2]],
      ["crates/x/src/lib.rs", [3]],
      ["a", []],
      ["a/", [4]],
      ["a//b", [4]],
      ["a/b", []],
      [`vm/devices/net/${"a/".repeat(600)}lib.rs`, []],
    ];
    for (const [path, lists_] of cases) {
      expect(lists.flatMap((globs, i) => (pathMatcher(globs)(path) ? [i] : [])), path).toEqual(lists_);
      expect([...index.listsMatching(path)].sort(), path).toEqual(lists_);
    }
  });

  it("tests a file only against the globs of its folders and those with no folder", () => {
    const lists = Array.from({ length: 1000 }, (_, i) => [`src/area${i % 10}/crate${i}/**`, `crates/c${i}/src/*.rs`]);
    lists.push(["**/generated/**"]);
    const index = indexPathGlobs(lists, Infinity, refuseNever);
    expect(index.listsMatching("src/area3/crate13/src/lib.rs")).toEqual([13]);
    expect(index.listsMatching("crates/c7/src/generated/x.rs")).toEqual([1000]);
    // Each path: the glob with no folder, and the one glob whose folder it lies in.
    expect(index.work.tests).toBe(4);
  });
});

describe("coverageFigures under its budget", () => {
  const longPath = (i: number) => `${"src/a/".repeat(165)}crate_${i}/lib.rs`.slice(-1000);

  it("refuses 200 patterns that start with ** against 10,000 long paths, as a whole, saying what to do", () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ key: `IT-${i}`, components: [`**/crate_${i}/**`] }));
    const files = Array.from({ length: 10_000 }, (_, i) => ({ path: longPath(i), linesFound: 10, linesHit: 5 }));
    let refusal: unknown;
    try {
      coverageFigures(files, items);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    const { code, status, message } = refusal as AppError;
    expect({ code, status }).toEqual({ code: "invalid", status: 400 });
    expect(message).toMatch(
      /^this coverage report has too many files to compare with the items' path patterns in one upload: its 10,000 files against 200 path patterns, of which 200 name no folder before their first wildcard \(such as \*\*\/net\/\*\*\) and so are compared with every file\. Matching stopped after [\d,]+ comparisons \(long paths count for more\), and nothing was recorded\. Narrow the patterns that start with \*\* to a folder \(vm\/\*\*\/net\/\*\* rather than \*\*\/net\/\*\*\), or leave the files no item covers out of the report$/,
    );
  });

  it("answers a program of 10,000 items with two globs each against 10,000 files, each in another item's folder", () => {
    const areas = ["vmm", "devices", "virtio", "net", "block"];
    const items = Array.from({ length: 10_000 }, (_, i) => ({ key: `IT-${i}`, components: [`src/${areas[i % 5]}/crate_${i}/**`, `crates/name_${i}/src/*.rs`] }));
    const files = Array.from({ length: 10_000 }, (_, f) => {
      const i = (f * 7919) % 10_000;
      const path = f % 2 === 0 ? `src/${areas[i % 5]}/crate_${i}/src/module_${f}/lib.rs` : `crates/name_${i}/src/file_${f}.rs`;
      return { path, linesFound: 10, linesHit: f % 11 };
    });
    const result = coverageFigures(files, items);
    expect(result.figures).toHaveLength(10_000);
    expect(result.unmapped).toEqual([]);
  });

  it("answers in full up to its budget and refuses past it, never with part of the figures", () => {
    const items = [
      { key: "NET-01", components: ["vm/devices/net/**", "**/net/*.rs"] },
      { key: "VM-01", components: ["vm/**"] },
    ];
    const files = ["vm/devices/net/a.rs", "vm/core/b.rs", "tools/net/c.rs", "docs/d.md"].map((path) => ({ path, linesFound: 4, linesHit: 2 }));
    const probe = indexPathGlobs(
      items.map((item) => item.components),
      Infinity,
      refuseNever,
    );
    for (const file of files) probe.listsMatching(file.path);
    const needed = probe.work.units;
    expect(needed).toBeLessThan(COVERAGE_MATCH_BUDGET);

    expect(coverageFigures(files, items, needed)).toEqual(allPairsFigures(files, items));
    expect(() => coverageFigures(files, items, needed - 1)).toThrow(AppError);
    expect(() => coverageFigures(files, items, needed - 1)).toThrow(/its 4 files against 3 path patterns, of which 1 name no folder/);
    expect(() => coverageFigures(files, items, 100)).toThrow(
      "the items' 3 path patterns are too many to compare with the files of a coverage report in one upload (this one has 4 files), and nothing was recorded. " +
        "Remove the patterns no item needs, or cover a folder with one pattern (vm/net/** rather than one pattern per file)",
    );
  });

  it("refuses an uploaded LCOV report the same way, before anything is read into figures", () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ key: `IT-${i}`, components: [`**/crate_${i}/**`] }));
    const lcov = Array.from({ length: 2000 }, (_, i) => `SF:${longPath(i)}\nDA:1,1\nend_of_record\n`).join("");
    expect(() => readArtefacts("coverage", [{ name: "lcov.info", text: lcov }], items, 0)).toThrow(/^this coverage report has too many files/);
  });
});
