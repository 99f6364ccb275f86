import { artefactError } from "./artefact-types";
import { type FileCoverage, type FileSection, mergeFileSections } from "./file-coverage";
import { asNode, attribute, children, readXmlDocument, type XmlDocument, type XmlNode } from "./xml-document";

const KIND = "Cobertura report";
const COUNT = /^\d+$/;

/**
 * The line coverage a Cobertura XML report gives per source file: each `<class filename=…>`'s
 * `<lines><line number hits/>`; classes of the same file are merged (see mergeFileSections). The
 * lines repeated under `<methods>` are not counted twice. Malformed XML, another root than
 * `<coverage>`, or a line without whole-number `number` and `hits` throw an artefactError.
 */
export function parseCobertura(xml: string): FileCoverage[] {
  const doc = readXmlDocument(KIND, xml, ["package", "class", "line"]);
  if (doc.rootName !== "coverage") {
    throw artefactError(KIND, `its root element is <${doc.rootName}>, not <coverage>: is it a Cobertura report?`, doc.lineOf(doc.root));
  }
  const sections: FileSection[] = [];
  for (const pkg of children(asNode(doc.root.packages), "package")) {
    for (const cls of children(asNode(pkg.classes), "class")) sections.push(readClass(doc, cls));
  }
  if (sections.length === 0) throw artefactError(KIND, "it names no source file (no <class filename=…> under <packages>)");
  return mergeFileSections(sections);
}

function readClass(doc: XmlDocument, cls: XmlNode): FileSection {
  const path = attribute(cls, "filename");
  if (!path) throw artefactError(KIND, "a <class> has no filename", doc.lineOf(cls));
  const hitByLine = new Map<number, boolean>();
  for (const line of children(asNode(cls.lines), "line")) {
    const number = attribute(line, "number") ?? "";
    const hits = attribute(line, "hits") ?? "";
    if (!COUNT.test(number) || !COUNT.test(hits)) {
      throw artefactError(KIND, `a <line> of ${path} needs whole numbers in number and hits (got number="${number.slice(0, 20)}" hits="${hits.slice(0, 20)}")`, doc.lineOf(line));
    }
    hitByLine.set(Number(number), Number(hits) > 0 || hitByLine.get(Number(number)) === true);
  }
  return { path, hitByLine, found: 0, hit: 0 };
}
