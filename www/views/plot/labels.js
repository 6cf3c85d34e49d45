// The plot's labels: where they go (greedily, on a coarse occupancy grid, so that they never
// overlap) and how wide a label is. Pure functions, unit-tested (tests/js/plot.test.mjs).

/** The occupancy grid's cell, in CSS pixels. */
const CELL = 8;

/**
 * Greedy label placement: try the ids in `first` (the selected, hovered and highlighted words),
 * then every id from 0 to n − 1 (ids are by frequency), and keep a label if its box (right of the
 * point) covers no occupied cell of a CELL-pixel grid. Returns the ids that get a label.
 * @param {number[]} first @param {number} n
 * @param {ArrayLike<number>} xs @param {ArrayLike<number>} ys  screen positions by id
 * @param {(id: number) => number} widthOf  label width in pixels
 * @param {number} width @param {number} height @param {number} max
 */
export function placeLabels(first, n, xs, ys, widthOf, width, height, max) {
  const cols = Math.ceil(width / CELL) + 1;
  const rows = Math.ceil(height / CELL) + 1;
  const used = new Uint8Array(cols * rows);
  /** @type {number[]} */
  const placed = [];
  for (let k = 0; k < first.length + n && placed.length < max; k++) {
    const id = k < first.length ? first[k] : k - first.length;
    if (id >= n) continue;
    const x = xs[id];
    const y = ys[id];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const x0 = Math.floor((x + 5) / CELL);
    const y0 = Math.floor((y - 8) / CELL);
    const y1 = Math.floor((y + 6) / CELL);
    if (x0 < 0 || y0 < 0 || x0 >= cols || y1 >= rows) continue;
    // Most candidates fail at their first column: check it before measuring the text.
    if (used[y0 * cols + x0] || used[y1 * cols + x0]) continue;
    const x1 = Math.floor((x + 5 + widthOf(id)) / CELL);
    if (x1 >= cols) continue;
    let free = true;
    for (let r = y0; r <= y1 && free; r++) {
      for (let c = x0; c <= x1; c++) {
        if (used[r * cols + c]) {
          free = false;
          break;
        }
      }
    }
    if (!free) continue;
    for (let r = y0; r <= y1; r++) used.fill(1, r * cols + x0, r * cols + x1 + 1);
    placed.push(id);
  }
  return placed;
}

/**
 * A label's width in pixels at LABEL_FONT, estimated from its characters (wide CJK ones and
 * narrow others) rather than measured: measuring thousands of labels costs more than a frame,
 * and the estimate errs wide, so placed labels still never overlap.
 * @param {string} word
 */
export function labelWidth(word) {
  let w = 0;
  for (const ch of word) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 12.5 : 7.5;
  return w;
}
