/** JUnit XML reports read into the totals a person checks first: tests, failures, errors, skipped, time. */
import { describe, expect, it } from "vitest";
import { parseJunit } from "@/lib/artefacts/junit";

const SUITES = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="nextest run" tests="99" failures="99">
  <testsuite name="net_backend" tests="3" failures="1" errors="0" skipped="1" time="1.250">
    <testcase name="sends" classname="net_backend" time="0.5"/>
    <testcase name="drops" classname="net_backend" time="0.75"><failure message="assertion failed">left != right</failure></testcase>
    <testcase name="slow" classname="net_backend"><skipped/></testcase>
  </testsuite>
  <testsuite name="underhill_core" tests="2" failures="0" errors="1" skipped="0" time="0.1">
    <testcase name="boots" time="0.05"/>
    <testcase name="panics" time="0.05"><error message="panicked"/></testcase>
  </testsuite>
</testsuites>
`;

describe("parseJunit", () => {
  it("sums the suites under <testsuites> from their attributes, not the root's own totals", () => {
    expect(parseJunit(SUITES)).toEqual({ tests: 5, failures: 1, errors: 1, skipped: 1, timeSeconds: 1.35 });
  });

  it("reads a single <testsuite> root, counting its test cases where an attribute is missing", () => {
    const xml = `<testsuite name="vmm_tests" tests="4">
  <testcase name="a" time="0.1"/>
  <testcase name="b" time="0.2"><failure/></testcase>
  <testcase name="c"><error type="timeout"/></testcase>
  <testcase name="d"><skipped message="needs KVM"/></testcase>
</testsuite>`;
    expect(parseJunit(xml)).toEqual({ tests: 4, failures: 1, errors: 1, skipped: 1, timeSeconds: 0.3 });
  });

  it("counts the test cases of suites nested in a suite without totals", () => {
    const xml = `<testsuites><testsuite name="outer"><testcase name="a"/><testsuite name="inner"><testcase name="b"><failure/></testcase></testsuite></testsuite></testsuites>`;
    expect(parseJunit(xml)).toEqual({ tests: 2, failures: 1, errors: 0, skipped: 0, timeSeconds: 0 });
  });

  it("reads an empty <testsuites> as no test run", () => {
    expect(parseJunit("<testsuites/>")).toEqual({ tests: 0, failures: 0, errors: 0, skipped: 0, timeSeconds: 0 });
  });
});

describe("parseJunit refuses a malformed report, naming the line", () => {
  const cases: [string, string, RegExp][] = [
    ["a tag never closed", '<testsuites>\n  <testsuite name="a">\n    <testcase name="x">\n  </testsuite>\n</testsuites>', /this JUnit report cannot be read at line 4: it is not well-formed XML/],
    ["another root", '<?xml version="1.0"?>\n<coverage line-rate="1"/>\n', /at line 2: its root element is <coverage>, not <testsuites> or <testsuite>/],
    ["a count that is not a number", '<testsuites>\n\n<testsuite name="a" tests="many"/>\n</testsuites>', /at line 3: a <testsuite>'s tests="many" is not a whole number/],
    ["a time that is not a number", '<testsuite name="a" tests="1" time="1,5">\n<testcase name="x"/>\n</testsuite>', /at line 1: time="1,5" is not a number of seconds/],
    ["a case's time that is not a number", '<testsuite name="a">\n<testcase name="x" time="0.1"/>\n<testcase name="y" time="soon"/>\n</testsuite>', /at line 3: time="soon"/],
    ["not XML at all", "5 passed, 1 failed\n", /at line 1: it is not well-formed XML/],
  ];

  it.each(cases)("%s", (_name, xml, message) => {
    expect(() => parseJunit(xml)).toThrow(message);
  });

  it("refuses, in words, elements nested deeper than the XML reader goes (no server error)", () => {
    const deep = `<testsuite tests="1">${"<a>".repeat(150)}${"</a>".repeat(150)}</testsuite>`;
    expect(() => parseJunit(deep)).toThrow(/^this JUnit report cannot be read: the XML reader refused it/);
  });

  it("refuses two suites side by side without a <testsuites> around them", () => {
    expect(() => parseJunit('<testsuite name="a" tests="1"/>\n<testsuite name="b" tests="1"/>')).toThrow("this JUnit report cannot be read: it has more than one root element");
  });
});
