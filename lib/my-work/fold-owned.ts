/** Up to this many owned items in a program My work lists them all; past it, only those that ask for attention. */
export const LIST_ALL_OWNED_UP_TO = 10;

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
 * The owned items My work lists, and what it only counts. A person who owns a few items of a
 * program sees them all; one who owns many (a team lead, a bot account) would get a page of
 * thousands of rows, so where they own more than `listAllUpTo` items of a program only those that
 * ask for attention are listed, and the others are counted — per program, in the order the
 * programs first appear, for a link to the program's items filtered to this owner. The listed keep
 * their order. Nothing is dropped: listed plus counted is everything.
 */
export function foldOwned<T extends FoldableOwned>(entries: readonly T[], listAllUpTo = LIST_ALL_OWNED_UP_TO): { shown: T[]; folds: OwnedFold[] } {
  const owned = new Map<string, number>();
  for (const e of entries) owned.set(e.program, (owned.get(e.program) ?? 0) + 1);
  const folds = new Map<string, OwnedFold>();
  const shown: T[] = [];
  for (const e of entries) {
    const total = owned.get(e.program)!;
    if (total <= listAllUpTo || asksForAttention(e)) shown.push(e);
    else {
      const fold = folds.get(e.program) ?? { program: e.program, programName: e.programName, folded: 0, total };
      folds.set(e.program, fold);
      fold.folded += 1;
    }
  }
  return { shown, folds: [...folds.values()] };
}
