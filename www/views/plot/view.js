// The plot's view: how data coordinates map to the screen (a scale and an offset, y flipped),
// the view that fits the points, zooming about a point, a two-finger pinch, and which point a
// click picks. Pure functions, unit-tested (tests/js/plot.test.mjs); plot.js draws with them.

/** @typedef {{scale: number, x: number, y: number}} View  screen = data · scale + (x, y), y flipped */
/** @typedef {import('./plot.js').PlotData} PlotData */

/** Room around the points, in CSS pixels. */
const PADDING = 28;
/** More room on the right, where labels are written (beside their points). */
const LABEL_ROOM = 72;

/**
 * The view that fits every point in a width × height box, with room for the labels of the
 * rightmost points.
 * @param {Float32Array} coords @param {number} width @param {number} height @returns {View}
 */
export function fitView(coords, width, height) {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < coords.length; i += 2) {
    // Words a projection did not place (NaN) are not drawn, nor fitted.
    if (!Number.isFinite(coords[i]) || !Number.isFinite(coords[i + 1])) continue;
    minX = Math.min(minX, coords[i]);
    maxX = Math.max(maxX, coords[i]);
    minY = Math.min(minY, coords[i + 1]);
    maxY = Math.max(maxY, coords[i + 1]);
  }
  if (!Number.isFinite(minX)) return { scale: 1, x: width / 2, y: height / 2 };
  const spanX = Math.max(maxX - minX, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  const scale = Math.min((width - PADDING - LABEL_ROOM) / spanX, (height - 2 * PADDING) / spanY);
  return {
    scale,
    x: (width + PADDING - LABEL_ROOM) / 2 - ((minX + maxX) / 2) * scale,
    y: height / 2 + ((minY + maxY) / 2) * scale,
  };
}

/** @param {View} v @param {number} dx @param {number} dy @returns {[number, number]} */
export function toScreen(v, dx, dy) {
  return [screenX(v, dx), screenY(v, dy)];
}

/** toScreen's two halves, for loops over every point (no array per point). @param {View} v @param {number} dx */
export const screenX = (v, dx) => dx * v.scale + v.x;
/** @param {View} v @param {number} dy */
export const screenY = (v, dy) => -dy * v.scale + v.y;

/** @param {View} v @param {number} sx @param {number} sy @returns {[number, number]} */
export function toData(v, sx, sy) {
  return [(sx - v.x) / v.scale, -(sy - v.y) / v.scale];
}

/**
 * Zoom by `factor` keeping the data point under (sx, sy) in place.
 * @param {View} v @param {number} factor @param {number} sx @param {number} sy @returns {View}
 */
export function zoomAt(v, factor, sx, sy) {
  return { scale: v.scale * factor, x: sx - (sx - v.x) * factor, y: sy - (sy - v.y) * factor };
}

/**
 * A two-finger pinch: the view at the pinch's start, the fingers then (a0, b0) and now (a1, b1),
 * screen coordinates. Zooms by the change in the fingers' distance about their first midpoint,
 * then moves that midpoint to where it is now: the data point between the fingers stays there.
 * @param {View} start @param {[number, number]} a0 @param {[number, number]} b0
 * @param {[number, number]} a1 @param {[number, number]} b1 @returns {View}
 */
export function pinchView(start, a0, b0, a1, b1) {
  const factor = Math.hypot(a1[0] - b1[0], a1[1] - b1[1]) / Math.max(1, Math.hypot(a0[0] - b0[0], a0[1] - b0[1]));
  const [mx0, my0] = [(a0[0] + b0[0]) / 2, (a0[1] + b0[1]) / 2];
  const [mx1, my1] = [(a1[0] + b1[0]) / 2, (a1[1] + b1[1]) / 2];
  const zoomed = zoomAt(start, factor, mx0, my0);
  return { ...zoomed, x: zoomed.x + mx1 - mx0, y: zoomed.y + my1 - my0 };
}

/** How far from a point a click (or, larger, a finger's tap) still picks it, in CSS pixels. */
export const PICK_RADIUS = { mouse: 10, touch: 22 };

/**
 * The point nearest to (sx, sy) on screen within `radius` pixels, or -1.
 * @param {Float32Array} coords @param {View} v @param {number} sx @param {number} sy @param {number} radius
 */
export function pick(coords, v, sx, sy, radius) {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < coords.length / 2; i++) {
    // This runs on every pointer move.
    const px = screenX(v, coords[2 * i]);
    const py = screenY(v, coords[2 * i + 1]);
    const d = (px - sx) ** 2 + (py - sy) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/**
 * The coordinates plus the point b − a + c of the analogy (if any), so a fitted view shows the
 * whole parallelogram. (PCA is affine, so that point is exactly the projection of b̂ − â + ĉ.)
 * @param {Float32Array} coords @param {PlotData['analogy']} an
 */
export function withAnalogyTarget(coords, an) {
  const n = coords.length / 2;
  if (!an || an.a >= n || an.b >= n || an.c >= n) return coords;
  const out = new Float32Array(coords.length + 2);
  out.set(coords);
  out[coords.length] = coords[2 * an.b] - coords[2 * an.a] + coords[2 * an.c];
  out[coords.length + 1] = coords[2 * an.b + 1] - coords[2 * an.a + 1] + coords[2 * an.c + 1];
  return out;
}

/**
 * The coordinates with the trails' points appended, so that the view fits where the words went
 * during training as well as where they are.
 * @param {Float32Array} coords @param {{points: number[]}[] | undefined} trails
 */
export function withTrails(coords, trails) {
  if (!trails || trails.length === 0) return coords;
  const extra = trails.reduce((n, t) => n + t.points.length, 0);
  const out = new Float32Array(coords.length + extra);
  out.set(coords);
  let at = coords.length;
  for (const t of trails) {
    out.set(t.points, at);
    at += t.points.length;
  }
  return out;
}
