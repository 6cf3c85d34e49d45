// The analogy's figure, a : b :: c : ?, in screen coordinates: one for the canvas (plot.js) and
// the SVG export (plot-svg.js) alike, so that the exported picture is the one on the screen.
// t = b − a + c is where the answer should be (tutorial §6); a → b and c → t are arrows (the same
// offset, twice), a → c and b → t dashed (the parallelogram's other sides), t → d dashed to the
// top answer d when there is one, and a ring at t. How they look is ANALOGY in plot-style.js;
// `drawAnalogy` draws the figure on the canvas.

import { ANALOGY } from './plot-style.js';

/** A segment from (x0, y0) to (x1, y1). @typedef {[number, number, number, number]} Segment */

/** An arrowhead's barbs: this long (px), this far (radians) either side of the shaft. */
const BARB_PX = 9;
const BARB_RADIANS = 0.4;

/**
 * @param {{a: number, b: number, c: number, d: number} | null} an  word ids (d: the top answer, or −1)
 * @param {ArrayLike<number>} sx @param {ArrayLike<number>} sy  the points on screen
 * @returns {{arrows: Segment[], dashed: Segment[], target: [number, number]} | null}  null when
 *   the analogy's words are not all among the points
 */
export function analogyFigure(an, sx, sy) {
  const n = sx.length;
  if (!an || ![an.a, an.b, an.c].every((i) => i >= 0 && i < n)) return null;
  const [ax, ay, bx, by, cx, cy] = [sx[an.a], sy[an.a], sx[an.b], sy[an.b], sx[an.c], sy[an.c]];
  const tx = bx - ax + cx;
  const ty = by - ay + cy;
  /** @type {Segment[]} */
  const dashed = [[ax, ay, cx, cy], [bx, by, tx, ty]];
  if (an.d >= 0 && an.d < n) dashed.push([tx, ty, sx[an.d], sy[an.d]]);
  return { arrows: [[ax, ay, bx, by], [cx, cy, tx, ty]], dashed, target: [tx, ty] };
}

/**
 * The arrowhead at the end of `shaft`, as a polyline: one barb's end, the tip, the other's.
 * @param {Segment} shaft @returns {[number, number][]}
 */
export function arrowHead([x0, y0, x1, y1]) {
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const barb = (/** @type {number} */ side) => /** @type {[number, number]} */ ([x1 - BARB_PX * Math.cos(angle + side), y1 - BARB_PX * Math.sin(angle + side)]);
  return [barb(-BARB_RADIANS), [x1, y1], barb(BARB_RADIANS)];
}

/**
 * The analogy's figure on the canvas: arrows, dashed sides, and a ring where b − a + c lands.
 * @param {CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D} ctx
 * @param {{a: number, b: number, c: number, d: number} | null} an  word ids, as for analogyFigure
 * @param {ArrayLike<number>} sx @param {ArrayLike<number>} sy
 */
export function drawAnalogy(ctx, an, sx, sy) {
  const figure = analogyFigure(an, sx, sy);
  if (!figure) return;
  ctx.save();
  ctx.lineWidth = ANALOGY.width;
  ctx.strokeStyle = ANALOGY.colour;
  ctx.beginPath();
  for (const shaft of figure.arrows) {
    ctx.moveTo(shaft[0], shaft[1]);
    ctx.lineTo(shaft[2], shaft[3]);
    const [p, tip, q] = arrowHead(shaft);
    ctx.moveTo(...p);
    ctx.lineTo(...tip);
    ctx.lineTo(...q);
  }
  ctx.stroke();
  ctx.strokeStyle = ANALOGY.faint;
  ctx.setLineDash(ANALOGY.dash);
  ctx.beginPath();
  for (const [x0, y0, x1, y1] of figure.dashed) {
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
  }
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.arc(figure.target[0], figure.target[1], ANALOGY.targetRadius, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.restore();
}
