/**
 * Coverage reports (LCOV, Cobertura) read into per-item test coverage. The small reports below are
 * written by hand so every figure is known: a.rs 2 of 3 lines hit, b.rs 1 of 4, c.rs 4 of 4.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseCobertura } from "@/lib/artefacts/cobertura";
import { coverageFigures } from "@/lib/artefacts/coverage-figures";
import { type FileCoverage } from "@/lib/artefacts/file-coverage";
import { parseLcov } from "@/lib/artefacts/lcov";

const LCOV = `TN:
SF:vm/devices/net/a.rs
FN:1,a::new
FNDA:3,a::new
DA:1,3
DA:2,0
DA:3,1
LF:3
LH:2
end_of_record
SF:./vm/core/b.rs
DA:1,1
DA:2,0
DA:3,0
DA:4,0
end_of_record
SF:tools\\c.rs
DA:1,1
DA:2,1
DA:3,1
DA:4,1
end_of_record
`;

const COBERTURA = `<?xml version="1.0" ?>
<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
<coverage line-rate="0.63" branch-rate="0" version="1.9" timestamp="1733000000">
  <sources><source>/src/openvmm</source></sources>
  <packages>
    <package name="net" line-rate="0.66">
      <classes>
        <class name="a" filename="vm/devices/net/a.rs" line-rate="0.5">
          <methods>
            <method name="new" signature="()"><lines><line number="1" hits="3"/></lines></method>
          </methods>
          <lines><line number="1" hits="3"/><line number="2" hits="0"/></lines>
        </class>
        <class name="a::inner" filename="vm/devices/net/a.rs" line-rate="0.5">
          <methods/>
          <lines><line number="2" hits="0"/><line number="3" hits="1" branch="false"/></lines>
        </class>
      </classes>
    </package>
    <package name="core">
      <classes>
        <class name="b" filename="vm/core/b.rs">
          <lines>
            <line number="1" hits="1"/><line number="2" hits="0"/><line number="3" hits="0"/><line number="4" hits="0"/>
          </lines>
        </class>
        <class name="c" filename="tools/c.rs">
          <lines><line number="1" hits="1"/><line number="2" hits="2"/><line number="3" hits="1"/><line number="4" hits="9"/></lines>
        </class>
      </classes>
    </package>
  </packages>
</coverage>
`;

const FILES: FileCoverage[] = [
  { path: "vm/devices/net/a.rs", linesFound: 3, linesHit: 2 },
  { path: "vm/core/b.rs", linesFound: 4, linesHit: 1 },
  { path: "tools/c.rs", linesFound: 4, linesHit: 4 },
];

const ITEMS = [
  { key: "NET-01", components: ["vm/devices/net/**", "net_backend"] },
  { key: "VM-01", components: ["vm/**"] },
  { key: "DOC-01", components: ["docs/**"] },
  { key: "CRATE-01", components: ["underhill_core"] },
];

describe("parseLcov", () => {
  it("counts each record's DA lines, normalising the paths it names", () => {
    expect(parseLcov(LCOV)).toEqual(FILES);
  });

  it("takes LF and LH when a record lists no DA line, and prefers DA when it does", () => {
    const text = "SF:a.rs\nLF:10\nLH:4\nend_of_record\nSF:b.rs\nDA:1,1\nDA:2,0\nLF:10\nLH:10\nend_of_record\n";
    expect(parseLcov(text)).toEqual([
      { path: "a.rs", linesFound: 10, linesHit: 4 },
      { path: "b.rs", linesFound: 2, linesHit: 1 },
    ]);
  });

  it("merges records of the same file line by line: a line hit by any test counts once", () => {
    const text = "TN:unit\nSF:a.rs\nDA:1,0\nDA:2,1\nend_of_record\nTN:integration\nSF:a.rs\nDA:1,4\nDA:2,0\nDA:3,0\nend_of_record\n";
    expect(parseLcov(text)).toEqual([{ path: "a.rs", linesFound: 3, linesHit: 2 }]);
  });

  it("reads Windows line endings and a byte-order mark", () => {
    expect(parseLcov("\uFEFFSF:a.rs\r\nDA:1,1\r\nend_of_record\r\n")).toEqual([{ path: "a.rs", linesFound: 1, linesHit: 1 }]);
  });
});

describe("parseLcov refuses a malformed file, naming the line", () => {
  const cases: [string, string, RegExp][] = [
    ["a DA outside a record", "TN:\nDA:1,1\nSF:a.rs\nend_of_record\n", /at line 2: DA: outside a record/],
    ["a hit count that is not a number", "SF:a.rs\nDA:1,1\nDA:2,many\nend_of_record\n", /at line 3: DA:2,many is not DA:<line>,<hits>/],
    ["a line number that is not a number", "SF:a.rs\nDA:x,1\nend_of_record\n", /at line 2: /],
    ["an LF that is not a number", "SF:a.rs\nLF:ten\nend_of_record\n", /at line 2: LF:ten is not a whole number/],
    ["more lines hit than found", "SF:a.rs\nLF:2\nLH:3\nend_of_record\n", /at line 4: the record for a\.rs has more lines hit/],
    ["a record never ended", "SF:a.rs\nDA:1,1\nend_of_record\nSF:b.rs\nDA:1,1\n", /at line 4: the record for b\.rs has no end_of_record/],
    ["a record not ended before the next", "SF:a.rs\nDA:1,1\nSF:b.rs\nDA:1,1\nend_of_record\n", /at line 3: a new SF: begins before the record for a\.rs ended/],
    ["an end_of_record with no record", "SF:a.rs\nend_of_record\nend_of_record\n", /at line 3: end_of_record without an SF:/],
    ["an SF naming no file", "SF:\nend_of_record\n", /at line 1: SF: names no file/],
    ["another format", '<?xml version="1.0"?>\n<coverage/>\n', /at line 1: .* is not an LCOV entry/],
  ];

  it.each(cases)("%s", (_name, text, message) => {
    expect(() => parseLcov(text)).toThrow(message);
  });

  it("a file without a record is refused as a whole, with the invalid-input code", () => {
    let thrown: unknown;
    try {
      parseLcov("TN:nothing\n\n");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe("invalid");
    expect((thrown as AppError).message).toBe("this LCOV file cannot be read: it holds no record (SF: … end_of_record): is it an LCOV tracefile?");
  });

  it("names the line in the field error the API answers with", () => {
    expect(() => parseLcov("SF:a.rs\nDA:1,-1\nend_of_record\n")).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ path: "line 2" })] }));
  });
});

describe("parseCobertura", () => {
  it("refuses a report nested deeper than the XML reader goes as the sender's error (400), not the server's", () => {
    const deep = `<coverage line-rate="1">${"<a>".repeat(150)}${"</a>".repeat(150)}</coverage>`;
    expect(() => parseCobertura(deep)).toThrow(AppError);
    expect(() => parseCobertura(deep)).toThrow(/cannot be read: the XML reader refused it/);
  });

  it("reads each class's lines, merging classes of one file and not counting method lines twice", () => {
    expect(parseCobertura(COBERTURA)).toEqual(FILES);
  });

  it("reads a single package and class, and a class without lines", () => {
    const xml = `<coverage><packages><package name="p"><classes><class name="x" filename="x.rs"><lines><line number="7" hits="0"/></lines></class></classes></package>
<package name="q"><classes><class name="y" filename="y.rs"/></classes></package></packages></coverage>`;
    expect(parseCobertura(xml)).toEqual([
      { path: "x.rs", linesFound: 1, linesHit: 0 },
      { path: "y.rs", linesFound: 0, linesHit: 0 },
    ]);
  });
});

describe("parseCobertura refuses a malformed report, naming the line", () => {
  const cases: [string, string, RegExp][] = [
    ["a tag never closed", '<?xml version="1.0"?>\n<coverage>\n  <packages>\n    <package name="p">\n  </packages>\n</coverage>\n', /at line 5: it is not well-formed XML/],
    ["no XML at all", "SF:a.rs\nDA:1,1\n", /at line 1: it is not well-formed XML/],
    ["another root than coverage", '<?xml version="1.0"?>\n\n<report name="jacoco"/>\n', /at line 3: its root element is <report>, not <coverage>/],
    [
      "hits that are not a number",
      '<coverage>\n<packages><package name="p"><classes>\n<class filename="a.rs">\n<lines>\n<line number="1" hits="lots"/>\n</lines></class></classes></package></packages></coverage>',
      /at line 5: a <line> of a\.rs needs whole numbers in number and hits \(got number="1" hits="lots"\)/,
    ],
    ["a class without a filename", '<coverage>\n<packages><package name="p"><classes>\n\n<class name="a"/>\n</classes></package></packages></coverage>', /at line 4: a <class> has no filename/],
  ];

  it.each(cases)("%s", (_name, xml, message) => {
    expect(() => parseCobertura(xml)).toThrow(message);
  });

  it("a report that names no file, or has two roots, is refused as a whole", () => {
    expect(() => parseCobertura('<coverage line-rate="0"><packages/></coverage>')).toThrow("this Cobertura report cannot be read: it names no source file");
    expect(() => parseCobertura("<coverage/><coverage/>")).toThrow("it has more than one root element");
  });
});

describe("coverageFigures", () => {
  it("gives each item the floored share of lines hit over the files its globs match, and lists the files none matches", () => {
    expect(coverageFigures(FILES, ITEMS)).toEqual({
      figures: [
        { key: "NET-01", metric: "test_coverage_pct", value: 66.6, detail: "2 of 3 lines hit in 1 file" },
        { key: "VM-01", metric: "test_coverage_pct", value: 42.8, detail: "3 of 7 lines hit in 2 files" },
      ],
      unmapped: ["tools/c.rs"],
      notes: [],
    });
  });

  it("gives the same figures from the LCOV and the Cobertura form of one run", () => {
    expect(coverageFigures(parseCobertura(COBERTURA), ITEMS)).toEqual(coverageFigures(parseLcov(LCOV), ITEMS));
  });

  it("never rounds up, and groups thousands in the detail", () => {
    const big = Array.from({ length: 1030 }, (_, i) => `DA:${i + 1},${i < 412 ? 1 : 0}`).join("\n");
    const files = parseLcov(`SF:vm/a.rs\n${big}\nend_of_record\nSF:vm/b.rs\nDA:1,1\nend_of_record\n`);
    const [figure] = coverageFigures(files, [{ key: "VM-01", components: ["vm/**"] }]).figures;
    // 413 / 1031 = 40.0582… → 40.0; 2/3 elsewhere gives 66.6, never 66.7.
    expect(figure).toEqual({ key: "VM-01", metric: "test_coverage_pct", value: 40, detail: "413 of 1,031 lines hit in 2 files" });
  });

  it("gives no figure but a note to an item whose files have no line to cover", () => {
    const files = [{ path: "vm/empty.rs", linesFound: 0, linesHit: 0 }];
    expect(coverageFigures(files, [{ key: "VM-01", components: ["vm/**"] }])).toEqual({
      figures: [],
      unmapped: [],
      notes: ["VM-01: 1 file matched, with no line to cover: no test coverage recorded"],
    });
  });

  it("lists every file as unmapped when no item has a path glob", () => {
    expect(coverageFigures(FILES, [{ key: "CRATE-01", components: ["underhill_core"] }]).unmapped).toEqual([
      "tools/c.rs",
      "vm/core/b.rs",
      "vm/devices/net/a.rs",
    ]);
  });
});

describe("coverageFigures over any report", () => {
  const DIRS = ["net", "core", "tools", "docs", "vm/chipset"];

  it("equals floor1 of the summed lines of the matched files, and accounts for every file exactly once", () => {
    const file = fc
      .record({ dir: fc.integer({ min: 0, max: DIRS.length - 1 }), found: fc.integer({ min: 0, max: 5000 }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ dir, found, share }) => ({ dir, found, hit: Math.floor(found * share) }));
    const item = fc.subarray(DIRS.map((_, i) => i));

    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 12 }), fc.array(item, { maxLength: 4 }), (drawn, dirSets) => {
        const files = drawn.map((f, i) => ({ path: `${DIRS[f.dir]}/f${i}.rs`, linesFound: f.found, linesHit: f.hit, dir: f.dir }));
        const items = dirSets.map((dirs, i) => ({ key: `IT-${i}`, components: dirs.map((d) => `${DIRS[d]}/**`) }));
        const result = coverageFigures(files, items);

        for (const [i, dirs] of dirSets.entries()) {
          const mine = files.filter((f) => dirs.includes(f.dir));
          const found = mine.reduce((s, f) => s + f.linesFound, 0);
          const hit = mine.reduce((s, f) => s + f.linesHit, 0);
          const figure = result.figures.find((f) => f.key === `IT-${i}`);
          if (found === 0) {
            expect(figure).toBeUndefined();
            continue;
          }
          // Integer arithmetic: the tenths of a percent, truncated.
          const tenths = (hit * 1000 - ((hit * 1000) % found)) / found;
          expect(figure?.value).toBe(tenths / 10);
        }

        const claimed = new Set(dirSets.flat());
        for (const f of files) {
          expect(result.unmapped.includes(f.path)).toBe(!claimed.has(f.dir));
        }
        expect(result.unmapped).toEqual([...result.unmapped].sort());
      }),
      { numRuns: 500 },
    );
  });
});
