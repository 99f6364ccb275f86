import { XMLParser, XMLValidator } from "fast-xml-parser";
import { artefactError } from "./artefact-types";

/** An element as fast-xml-parser gives it: attributes under `@_name`, children by tag name. */
export type XmlNode = Record<string, unknown>;

/** A well-formed XML artefact: its one root element, and where any element begins. */
export interface XmlDocument {
  rootName: string;
  root: XmlNode;
  /** The 1-based line an element begins on, when the parser recorded it. */
  lineOf(node: XmlNode): number | undefined;
}

const ATTR = "@_";
const META = XMLParser.getMetaDataSymbol();

/**
 * Checks `xml` is well formed (a malformed one throws an artefactError of `kind` with the
 * validator's line) and has exactly one root element. `arrayTags` are always read as lists, even
 * when a report has a single one.
 */
export function readXmlDocument(kind: string, xml: string, arrayTags: readonly string[]): XmlDocument {
  const text = xml.replace(/^\uFEFF/, "");
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw artefactError(kind, `it is not well-formed XML: ${valid.err.msg}`, valid.err.line);

  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    parseAttributeValue: false,
    parseTagValue: false,
    captureMetaData: true,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && arrayTags.includes(name),
  });
  let parsed: XmlNode;
  try {
    parsed = parser.parse(text) as XmlNode;
  } catch (error) {
    // The validator passes what the parser still refuses (elements nested past its limit of 100):
    // that is the sender's file, refused in words like any other, never a server error.
    throw artefactError(kind, `the XML reader refused it (${error instanceof Error ? error.message : String(error)})`);
  }
  // The declaration (`?xml`) and processing instructions sit beside the root; they are not elements.
  const roots = Object.keys(parsed).filter((name) => !name.startsWith("?"));
  // A root named in arrayTags (a lone <testsuite>) comes as a list too: one entry is one root.
  const rootValue = roots.length === 1 ? parsed[roots[0]] : undefined;
  const rootList = Array.isArray(rootValue) ? rootValue : [rootValue];
  if (roots.length !== 1 || rootList.length !== 1) throw artefactError(kind, "it has more than one root element");
  const [rootName] = roots;

  const lineOf = (node: XmlNode): number | undefined => {
    const start = (node as Record<symbol, { startIndex?: number } | undefined>)[META as symbol]?.startIndex;
    if (start === undefined) return undefined;
    let line = 1;
    for (let i = text.indexOf("\n"); i !== -1 && i < start; i = text.indexOf("\n", i + 1)) line++;
    return line;
  };
  return { rootName, root: asNode(rootList[0]), lineOf };
}

/** An empty element parses as "" (or its text); as a node it has no attributes and no children. */
export function asNode(value: unknown): XmlNode {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as XmlNode) : {};
}

/** The elements named `name` directly under `node`, in document order. */
export function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(asNode);
}

/** An attribute's value as written, trimmed; undefined when absent. */
export function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`${ATTR}${name}`];
  return typeof value === "string" ? value.trim() : undefined;
}
