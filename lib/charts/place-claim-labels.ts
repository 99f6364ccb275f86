/** Where one claim's marker and label go on a time axis with a few rows above it. */
export interface ClaimLabelSlot {
  /** 0 is the top row. */
  row: number;
  /** The label's side of the marker: left only where the right would run past the axis's end. */
  side: "left" | "right";
  /** False when no row has room for the label: the marker alone is drawn, its words in its title. */
  labelled: boolean;
}

/** Pixel sizes of a marker (half its width), the gap before its label, a label's character and the space kept between neighbours. */
export const CLAIM_LABEL_PX = { pinHalf: 6, gap: 3, char: 6, room: 4 } as const;

/**
 * Rows and sides for claim markers at day offsets `at` on an axis `days` long drawn at `pxPerDay`:
 * oldest first, each into the first row where its marker and label fit without touching the one
 * before, the label after the marker unless it would pass the axis's end. A marker with no room for
 * its label anywhere keeps a row of its own if one is free, else the least crowded.
 */
export function placeClaimLabels(marks: readonly { at: number; label: string }[], days: number, pxPerDay: number, rows = 3): ClaimLabelSlot[] {
  const { pinHalf, gap, char, room } = CLAIM_LABEL_PX;
  const width = days * pxPerDay;
  const ends: number[] = Array.from({ length: Math.max(1, rows) }, () => -Infinity);
  const order = marks.map((_, i) => i).sort((a, b) => marks[a]!.at - marks[b]!.at || a - b);
  const slots: ClaimLabelSlot[] = [];
  for (const i of order) {
    const x = marks[i]!.at * pxPerDay;
    const text = gap + marks[i]!.label.length * char;
    const side = x + pinHalf + text <= width || x - pinHalf - text < 0 ? "right" : "left";
    const [from, to] = side === "right" ? [x - pinHalf, x + pinHalf + text] : [x - pinHalf - text, x + pinHalf];
    let row = ends.findIndex((end) => end + room <= from);
    const labelled = row >= 0;
    if (!labelled) row = ends.findIndex((end) => end + room <= x - pinHalf);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = Math.max(ends[row]!, labelled ? to : x + pinHalf);
    slots[i] = { row, side, labelled };
  }
  return slots;
}
