/** Up to this many owned items My work lists them all; past it, only those that ask for attention. */
export const LIST_ALL_OWNED_UP_TO = 40;

/** What an owned item needs to be folded or listed. */
export interface FoldableOwned {
  program: string;
  programName: string;
  isNew: boolean;
  inflated: boolean;
  blocked: boolean;
}

/** A program's owned items that are not listed: how many, of how many the person owns there. */
export interface OwnedFold {
  program: string;
  programName: string;
  folded: number;
  total: number;
}

/** New since the last visit, reported above what is verified, or waiting on unfinished dependencies. */
export const asksForAttention = (e: FoldableOwned): boolean => e.isNew || e.inflated || e.blocked;

/**
 * The owned items My work lists, and what it only counts. A person who owns a few items sees them
 * all; one who owns many across programs (a team lead, a bot account) would get a page of thousands
 * of rows, so past `listAllUpTo` only the items that ask for attention are listed, in their order,
 * and the others are counted per program, in the order the programs first appear, for a link to
 * the program's items filtered to this owner. Nothing is dropped: listed plus counted is everything.
 */
export function foldOwned<T extends FoldableOwned>(entries: readonly T[], listAllUpTo = LIST_ALL_OWNED_UP_TO): { shown: T[]; folds: OwnedFold[] } {
  if (entries.length <= listAllUpTo) return { shown: [...entries], folds: [] };
  const byProgram = new Map<string, OwnedFold>();
  const shown: T[] = [];
  for (const e of entries) {
    const fold = byProgram.get(e.program) ?? { program: e.program, programName: e.programName, folded: 0, total: 0 };
    byProgram.set(e.program, fold);
    fold.total += 1;
    if (asksForAttention(e)) shown.push(e);
    else fold.folded += 1;
  }
  return { shown, folds: [...byProgram.values()].filter((f) => f.folded > 0) };
}
