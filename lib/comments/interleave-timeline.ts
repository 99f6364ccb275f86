export type TimelineRow<T, C> = { kind: "transition"; row: T } | { kind: "comment"; row: C };

/**
 * An item's timeline: its transitions in effective order (DESIGN §4), each comment placed after
 * every transition that had happened by the time it was written. Transitions keep their order;
 * comments keep theirs; a comment written at the very instant a transition took effect follows it.
 */
export function interleaveTimeline<T, C>(
  transitions: readonly T[],
  transitionAt: (t: T) => number,
  comments: readonly C[],
  commentAt: (c: C) => number,
): TimelineRow<T, C>[] {
  const out: TimelineRow<T, C>[] = [];
  let c = 0;
  for (const t of transitions) {
    while (c < comments.length && commentAt(comments[c]!) < transitionAt(t)) out.push({ kind: "comment", row: comments[c++]! });
    out.push({ kind: "transition", row: t });
  }
  while (c < comments.length) out.push({ kind: "comment", row: comments[c++]! });
  return out;
}
