// The selection's marks on the canvas: lines from the selected word to its neighbours, a ring
// around each highlighted word (the neighbours, the analogy's words) and a stronger one around
// the selected word. The SVG export (plot-svg.js) draws the same rings from the same style
// (plot-style.js).

import { HIGHLIGHT_RING, NEIGHBOUR_LINE, POINT_RADIUS, SELECTED_RING } from './plot-style.js';

/**
 * @param {CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D} ctx
 * @param {{selected: number, highlighted: Set<number>}} data  word ids (selected −1: none)
 * @param {Float32Array} sx @param {Float32Array} sy  the points on screen (the words not yet
 *   drawn, while a new vocabulary comes in, are left out)
 */
export function drawMarks(ctx, data, sx, sy) {
  if (data.selected >= 0 && data.selected < sx.length) {
    ctx.strokeStyle = NEIGHBOUR_LINE.colour;
    ctx.lineWidth = NEIGHBOUR_LINE.width;
    ctx.beginPath();
    for (const h of data.highlighted) {
      if (h === data.selected || h >= sx.length) continue;
      ctx.moveTo(sx[data.selected], sy[data.selected]);
      ctx.lineTo(sx[h], sy[h]);
    }
    ctx.stroke();
  }
  ctx.lineWidth = HIGHLIGHT_RING.width;
  ctx.strokeStyle = HIGHLIGHT_RING.colour;
  for (const h of data.highlighted) {
    if (h >= sx.length) continue;
    ctx.beginPath();
    ctx.arc(sx[h], sy[h], POINT_RADIUS + HIGHLIGHT_RING.gap, 0, 2 * Math.PI);
    ctx.stroke();
  }
  if (data.selected >= 0 && data.selected < sx.length) {
    ctx.strokeStyle = SELECTED_RING.colour;
    ctx.lineWidth = SELECTED_RING.width;
    ctx.beginPath();
    ctx.arc(sx[data.selected], sy[data.selected], POINT_RADIUS + SELECTED_RING.gap, 0, 2 * Math.PI);
    ctx.stroke();
  }
}
