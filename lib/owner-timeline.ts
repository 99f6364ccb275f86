/** One recorded edit of an item: when, by whom, and the owner it asked for (absent: owner untouched). */
export interface OwnerEdit {
  at: number;
  by: string | null;
  owner?: string | null;
}

/** A real change of owner: `from` and `to` differ. */
export interface OwnerChange {
  at: number;
  by: string | null;
  from: string | null;
  to: string | null;
}

/**
 * Who owned an item over time: `initial` from the earliest moment known, then each change in
 * recording order. An owner holds the item from the instant of the change that made them owner
 * up to and including the instant of the change that ended it.
 */
export interface OwnerTimeline {
  initial: string | null;
  changes: readonly OwnerChange[];
}

/**
 * Replays an item's edits, in recording order, from the owner it was created with. An edit that
 * sends the owner it already has (the edit form sends every field) changes nothing and is dropped,
 * so renaming an item never counts as changing its owner.
 */
export function ownerTimeline(initial: string | null, edits: readonly OwnerEdit[]): OwnerTimeline {
  const changes: OwnerChange[] = [];
  let current = initial;
  for (const edit of edits) {
    if (edit.owner === undefined || edit.owner === current) continue;
    changes.push({ at: edit.at, by: edit.by, from: current, to: edit.owner });
    current = edit.owner;
  }
  return { initial, changes };
}

/** The owner after every change recorded at or before `at`. */
export function ownerAt(timeline: OwnerTimeline, at: number): string | null {
  let owner = timeline.initial;
  for (const c of timeline.changes) if (c.at <= at) owner = c.to;
  return owner;
}
