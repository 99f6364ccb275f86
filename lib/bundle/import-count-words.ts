import { countOf } from "../artefacts/count-words";

/** What an import creates, as its dry run counts it (the summary db/import-bundle.ts answers with). */
export interface ImportCounts {
  people: number;
  newPeople: number;
  items: number;
  dependencies: number;
  transitions: number;
  verifications: number;
  /** Only when the bundle carries rejections (DESIGN §13), so older summaries read the same. */
  rejections?: number;
  evidence: number;
  signals: number;
  claims: number;
  events: number;
  /** Only when the bundle carries comments (DESIGN §13), so older summaries read the same. */
  comments?: number;
}

/**
 * The dry run's counts in a manager's words, one line each, in the order a program is read:
 * "19 people, 3 of them new accounts", "1 item", "12 pieces of evidence"…
 */
export function importCountWords(c: ImportCounts): string[] {
  return [
    `${countOf(c.people, "person", "people")}${accountWords(c.people, c.newPeople)}`,
    countOf(c.items, "item"),
    countOf(c.dependencies, "dependency", "dependencies"),
    countOf(c.transitions, "reported transition"),
    countOf(c.verifications, "verification"),
    ...(c.rejections === undefined ? [] : [countOf(c.rejections, "rejection")]),
    countOf(c.evidence, "piece of evidence", "pieces of evidence"),
    countOf(c.signals, "signal"),
    countOf(c.claims, "public claim"),
    countOf(c.events, "outside event"),
    ...(c.comments === undefined ? [] : [countOf(c.comments, "comment")]),
  ];
}

/** Which of the bundle's people get an account by this import. */
function accountWords(people: number, created: number): string {
  if (people === 0) return "";
  if (created === 0) return people === 1 ? ", with an account already" : ", all with accounts already";
  if (created === people) return people === 1 ? ", a new account" : ", all new accounts";
  return `, ${countOf(created, "new account")}`;
}
