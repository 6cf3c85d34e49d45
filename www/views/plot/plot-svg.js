// The plot as an SVG document, for a slide or a post: the points, their colours, the labels, the
// selection and the analogy's arrows exactly where the canvas drew them last, as vector graphics.
//
// Pure (no DOM): from a `Scene` (what the canvas drew, in screen coordinates) to a string, so it
// is unit-tested under Node. Every word is written as escaped text, never as markup, and
// characters XML cannot hold (control characters) become U+FFFD. Sizes and colours are the
// canvas's own (plot-style.js).

import { analogyFigure, arrowHead } from './analogy.js';
import { ANALOGY, BACKGROUND, HIGHLIGHT_RING, LABEL_BOX, LABEL_FAMILY, LABEL_INK, LABEL_INK_STRONG, LABEL_PX, POINT_RADIUS, SELECTED_RING, TRAIL } from './plot-style.js';

/**
 * What the plot drew in its last complete frame, in CSS pixels.
 * @typedef {object} Scene
 * @property {number} width
 * @property {number} height
 * @property {string[]} words
 * @property {Float32Array} sx       screen x of every point
 * @property {Float32Array} sy
 * @property {Uint32Array} rgb       colour of every point, 0xRRGGBB
 * @property {number[]} labels       ids of the labelled points
 * @property {number} selected       word id, or −1
 * @property {Set<number>} highlighted
 * @property {{a: number, b: number, c: number, d: number} | null} analogy
 * @property {{points: number[], at: number}[]} [trails]  words' paths through training (x, y per
 *   moment) and the moment shown
 */

const ENTITIES = /** @type {Record<string, string>} */ ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' });

/** Text safe inside an XML element or attribute. @param {string} s */
export function escapeXml(s) {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

/** A coordinate with one decimal. @param {number} x */
const n1 = (x) => (Math.round(x * 10) / 10).toString();

/** @param {number} rgb */
const hex = (rgb) => `#${rgb.toString(16).padStart(6, '0')}`;

/**
 * @param {Scene} scene
 * @returns {string} a standalone SVG document
 */
export function plotSvg(scene) {
  const { width, height, words, sx, sy, rgb } = scene;
  const inside = (/** @type {number} */ i) => sx[i] >= -10 && sy[i] >= -10 && sx[i] <= width + 10 && sy[i] <= height + 10;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n1(width)}" height="${n1(height)}" viewBox="0 0 ${n1(width)} ${n1(height)}" font-family="${escapeXml(LABEL_FAMILY)}" font-size="${LABEL_PX}">`,
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`,
  ];
  const figure = analogyFigure(scene.analogy, sx, sy);
  if (figure) {
    const line = (/** @type {import('./analogy.js').Segment} */ [x0, y0, x1, y1]) => `<line x1="${n1(x0)}" y1="${n1(y0)}" x2="${n1(x1)}" y2="${n1(y1)}"/>`;
    const head = (/** @type {import('./analogy.js').Segment} */ shaft) => `<polyline points="${arrowHead(shaft).map(([x, y]) => `${n1(x)},${n1(y)}`).join(' ')}"/>`;
    const [tx, ty] = figure.target;
    out.push(`<g stroke="${ANALOGY.colour}" stroke-width="${ANALOGY.width}" fill="none">`, ...figure.arrows.flatMap((a) => [line(a), head(a)]), '</g>');
    out.push(`<g stroke="${ANALOGY.faint}" stroke-width="${ANALOGY.width}" fill="none">`, `<circle cx="${n1(tx)}" cy="${n1(ty)}" r="${ANALOGY.targetRadius}"/>`);
    out.push(`<g stroke-dasharray="${ANALOGY.dash.join(' ')}">`, ...figure.dashed.map(line), '</g>', '</g>');
  }
  // Trails through training: a line, a dot a moment, a ring at the start, the moment shown filled.
  for (const { points, at } of scene.trails ?? []) {
    const xy = (/** @type {number} */ i) => `cx="${n1(points[i * 2])}" cy="${n1(points[i * 2 + 1])}"`;
    const pts = [];
    for (let i = 0; i < points.length; i += 2) pts.push(`${n1(points[i])},${n1(points[i + 1])}`);
    out.push(`<g stroke="${TRAIL.colour}" fill="${TRAIL.colour}" stroke-width="${TRAIL.width}">`, `<polyline points="${pts.join(' ')}" fill="none"/>`);
    for (let i = 0; i < points.length / 2; i++) out.push(`<circle ${xy(i)} r="${TRAIL.dot}" stroke="none"/>`);
    out.push(`<circle ${xy(0)} r="${TRAIL.startRadius}" fill="none"/>`);
    if (at >= 0) out.push(`<circle ${xy(at)} r="${TRAIL.atRadius}" stroke="none"/>`);
    out.push('</g>');
  }
  // Points, one group per colour.
  /** @type {Map<number, string[]>} */
  const byColour = new Map();
  for (let i = 0; i < sx.length; i++) {
    if (!inside(i)) continue;
    const dot = `<circle cx="${n1(sx[i])}" cy="${n1(sy[i])}" r="${POINT_RADIUS}"/>`;
    const list = byColour.get(rgb[i]);
    if (list) list.push(dot);
    else byColour.set(rgb[i], [dot]);
  }
  for (const [colour, dots] of byColour) out.push(`<g fill="${hex(colour)}">`, ...dots, '</g>');
  // Rings: the neighbours and analogy words, then the selected word.
  out.push(`<g fill="none" stroke="${HIGHLIGHT_RING.colour}" stroke-width="${HIGHLIGHT_RING.width}">`);
  for (const h of scene.highlighted) if (h < sx.length && inside(h)) out.push(`<circle cx="${n1(sx[h])}" cy="${n1(sy[h])}" r="${POINT_RADIUS + HIGHLIGHT_RING.gap}"/>`);
  out.push('</g>');
  if (scene.selected >= 0 && scene.selected < sx.length) {
    out.push(`<circle cx="${n1(sx[scene.selected])}" cy="${n1(sy[scene.selected])}" r="${POINT_RADIUS + SELECTED_RING.gap}" fill="none" stroke="${SELECTED_RING.colour}" stroke-width="${SELECTED_RING.width}"/>`);
  }
  out.push(`<g fill="${LABEL_INK}" dominant-baseline="middle">`);
  for (const i of scene.labels) {
    const strong = i === scene.selected || scene.highlighted.has(i) ? ` fill="${LABEL_INK_STRONG}"` : '';
    out.push(`<text x="${n1(sx[i] + LABEL_BOX.left + LABEL_BOX.textLeft)}" y="${n1(sy[i] + LABEL_BOX.top + LABEL_BOX.textMiddle)}"${strong}>${escapeXml(words[i])}</text>`);
  }
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}
