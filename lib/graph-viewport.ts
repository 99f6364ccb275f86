export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The viewport that shows `bounds` at `zoom` in a pane of `pane` size: centred on each axis where it
 * fits, else aligned to its top-left corner (with `margin`), where a left-to-right graph starts, then
 * shifted as little as needed to keep `keep` (the item the view is about) in sight.
 * The zoom is never changed, so text keeps the size it was made readable at.
 */
export function viewportFor(bounds: Box, pane: { width: number; height: number }, zoom: number, margin = 16, keep?: Box) {
  const axis = (start: number, size: number, room: number, keepStart?: number, keepSize?: number) => {
    let t = size * zoom <= room - 2 * margin ? (room - size * zoom) / 2 - start * zoom : margin - start * zoom;
    if (keepStart !== undefined && keepSize !== undefined) {
      t = Math.min(t, room - margin - (keepStart + keepSize) * zoom);
      t = Math.max(t, margin - keepStart * zoom);
    }
    return t;
  };
  return {
    x: axis(bounds.x, bounds.width, pane.width, keep?.x, keep?.width),
    y: axis(bounds.y, bounds.height, pane.height, keep?.y, keep?.height),
    zoom,
  };
}
