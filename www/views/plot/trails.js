// The words' trails through training (the history's moments, www/app/replay.js) on the canvas:
// each a line through its places at every moment, a dot at each moment, a ring where training
// started and a filled dot at the moment shown. The screen coordinates are also the SVG export's
// (plot-svg.js draws the same marks from the same style, TRAIL in plot-style.js).

import { TRAIL } from './plot-style.js';
import { screenX, screenY } from './view.js';

/** A trail on screen: x, y per moment, and the moment shown (−1: none). @typedef {{points: number[], at: number}} ScreenTrail */

/**
 * The trails of `data` in screen coordinates under `view`.
 * @param {import('./plot.js').PlotData} data @param {import('./view.js').View} view
 * @returns {ScreenTrail[]}
 */
export function trailsOnScreen(data, view) {
  return (data.trails ?? []).map(({ points }) => ({
    points: points.map((v, i) => (i % 2 === 0 ? screenX(view, v) : screenY(view, v))),
    at: Math.min(data.trailAt ?? points.length / 2 - 1, points.length / 2 - 1),
  }));
}

/**
 * @param {CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D} ctx
 * @param {ScreenTrail[]} trails
 */
export function drawTrails(ctx, trails) {
  if (trails.length === 0) return;
  ctx.save();
  ctx.strokeStyle = TRAIL.colour;
  ctx.fillStyle = TRAIL.colour;
  ctx.lineWidth = TRAIL.width;
  for (const { points, at } of trails) {
    ctx.beginPath();
    for (let i = 0; i < points.length; i += 2) {
      if (i === 0) ctx.moveTo(points[i], points[i + 1]);
      else ctx.lineTo(points[i], points[i + 1]);
    }
    ctx.stroke();
    ctx.beginPath();
    for (let i = 0; i < points.length; i += 2) {
      ctx.moveTo(points[i] + TRAIL.dot, points[i + 1]);
      ctx.arc(points[i], points[i + 1], TRAIL.dot, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.beginPath();
    ctx.arc(points[0], points[1], TRAIL.startRadius, 0, 2 * Math.PI);
    ctx.stroke();
    if (at >= 0) {
      ctx.beginPath();
      ctx.arc(points[at * 2], points[at * 2 + 1], TRAIL.atRadius, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.restore();
}
