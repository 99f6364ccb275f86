import { artefactError } from "./artefact-types";
import { attribute, children, readXmlDocument, type XmlDocument, type XmlNode } from "./xml-document";

/** A JUnit XML report's totals, summed over its test suites. */
export interface JunitSummary {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  timeSeconds: number;
}

const KIND = "JUnit report";
const COUNT = /^\d+$/;
const SECONDS = /^\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
const COUNTED = ["tests", "failures", "errors", "skipped"] as const;

/**
 * The totals of a JUnit XML report whose root is `<testsuites>` or a single `<testsuite>`. Each
 * suite's own attributes are used; where one is missing it is counted from the suite's
 * `<testcase>`s (a case with `<failure>`, `<error>` or `<skipped>` counts as such). Malformed XML,
 * another root, or a count or time that is not a number throws an artefactError.
 */
export function parseJunit(xml: string): JunitSummary {
  const doc = readXmlDocument(KIND, xml, ["testsuite", "testcase"]);
  let suites: XmlNode[];
  if (doc.rootName === "testsuites") suites = children(doc.root, "testsuite");
  else if (doc.rootName === "testsuite") suites = [doc.root];
  else throw artefactError(KIND, `its root element is <${doc.rootName}>, not <testsuites> or <testsuite>: is it a JUnit report?`, doc.lineOf(doc.root));

  const total: JunitSummary = { tests: 0, failures: 0, errors: 0, skipped: 0, timeSeconds: 0 };
  for (const suite of suites) {
    const summary = readSuite(doc, suite);
    for (const key of COUNTED) total[key] += summary[key];
    total.timeSeconds += summary.timeSeconds;
  }
  // Sums of decimal seconds pick up float noise (0.1 + 0.2); reports give milliseconds at most.
  total.timeSeconds = Math.round(total.timeSeconds * 1000) / 1000;
  return total;
}

function readSuite(doc: XmlDocument, suite: XmlNode): JunitSummary {
  const cases = testCases(suite);
  const counted: Record<(typeof COUNTED)[number], number> = {
    tests: cases.length,
    failures: cases.filter((c) => c.failure !== undefined).length,
    errors: cases.filter((c) => c.error !== undefined).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
  };
  const summary = { ...counted, timeSeconds: 0 };
  for (const key of COUNTED) {
    const value = attribute(suite, key);
    if (value === undefined) continue;
    if (!COUNT.test(value)) throw artefactError(KIND, `a <testsuite>'s ${key}="${value.slice(0, 20)}" is not a whole number`, doc.lineOf(suite));
    summary[key] = Number(value);
  }
  const time = attribute(suite, "time");
  summary.timeSeconds = time === undefined ? cases.reduce((sum, c) => sum + seconds(doc, c, attribute(c, "time") ?? "0"), 0) : seconds(doc, suite, time);
  return summary;
}

/** The suite's test cases, those of suites nested in it included. */
function testCases(suite: XmlNode): XmlNode[] {
  return [...children(suite, "testcase"), ...children(suite, "testsuite").flatMap(testCases)];
}

function seconds(doc: XmlDocument, node: XmlNode, value: string): number {
  if (!SECONDS.test(value)) throw artefactError(KIND, `time="${value.slice(0, 20)}" is not a number of seconds`, doc.lineOf(node));
  return Number(value);
}
