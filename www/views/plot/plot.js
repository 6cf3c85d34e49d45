// The live 2-D projection: one labelled point per word on a canvas.
//
// What it draws comes from one `PlotData` (words, counts, coordinates, colours, selection, the
// analogy's parallelogram); how it looks on screen from a `View` (a scale and an offset). Pure,
// unit-tested functions hold the geometry (view.js: `fitView`, `pick`), the colours (colours.js:
// `pointRgb`, `rasterSquares`) and the labels' places (labels.js: `placeLabels`); the analogy's
// figure (analogy.js), the words' trails through training (trails.js) and the selection's marks
// (marks.js) are drawn from their own modules. The
// `PlotRenderer` class here (no DOM: it runs on the page or in a worker, plot-worker.js) owns the
// picture, the animation and the view: new coordinates glide in over TRANSITION_MS (while
// training, until the next snapshot is due, so the points never stop between snapshots), the
// view follows the data until the user zooms or pans (double-click to follow again). The page's side, pointer and tooltip, is plot-canvas.js.
//
// Canvas 2-D keeps thousands of labelled points fluid: up to 1,500 points are circles, one path
// per colour (sixteen shades at most); above that they are small squares written straight into a
// pixel buffer and put on the canvas in one call (20,000 points in a few milliseconds, where a
// path of 20,000 shapes takes the browser's rasteriser tens); above 12,000 new coordinates are
// drawn at once rather than gliding. Labels are placed greedily (selected and frequent words
// first) on a coarse occupancy grid so that they never overlap, 400 at most; with squares they
// are sprites copied into the same pixel buffer (label-sprites.js: fillText once per word, not
// once per frame), except the selected, hovered and highlighted words'. A new vocabulary
// comes in over three frames (frequent points, all points, labels), none of them a long task.

import { LabelSprites } from './label-sprites.js';
import { cssColour, pixelOf, pointRgb, rasterSquares } from './colours.js';
import { labelWidth, placeLabels } from './labels.js';
import { fitView, pick, PICK_RADIUS, pinchView, screenX, screenY, withAnalogyTarget, withTrails, zoomAt } from './view.js';
import { plotSvg } from './plot-svg.js';
import { drawAnalogy } from './analogy.js';
import { drawTrails, trailsOnScreen } from './trails.js';
import { drawMarks } from './marks.js';
import { BACKGROUND, LABEL_BACKING, LABEL_BOX, LABEL_FONT, LABEL_INK, LABEL_INK_STRONG, LABEL_PX, POINT_RADIUS } from './plot-style.js';

/** @typedef {import('./view.js').View} View */

/**
 * @typedef {object} PlotData
 * @property {string[]} words
 * @property {Uint32Array} counts
 * @property {Float32Array} coords     |V| × 2
 * @property {Uint32Array | null} clusters
 * @property {'frequency' | 'cluster'} colourBy
 * @property {number} selected          word id, or -1
 * @property {Set<number>} highlighted  neighbours of the selected word, analogy words
 * @property {{a: number, b: number, c: number, d: number} | null} analogy  ids (d = top answer, or -1)
 * @property {{id: number, points: number[]}[]} [trails]  words' paths through training (x, y per
 *   moment of the history), in the coordinates' space
 * @property {number} [trailAt]  the moment the coordinates are (marked on each trail)
 */

export const TRANSITION_MS = 180;
/** While training, each glide lasts until the next snapshot is due (the time since the last one,
 * up to this long), so that the points move without stopping between snapshots. */
const MAX_GLIDE_MS = 600;
const MAX_LABELS = 400;
/** Above this many points, points are squares (far cheaper to rasterise than circles). */
const SQUARES_ABOVE = 1500;
/** Above this many points, new coordinates are drawn at once instead of gliding (a frame per
 * snapshot instead of forty a second, frame-pace.js). */
const GLIDE_UP_TO = 12000;

/** A new vocabulary's first frames run cold code and rasterise new glyphs: the first draws only
 * the WARMUP_POINTS most frequent words, the second every point, labels come with the third, so
 * that no single frame is a long task. */
const WARMUP_FRAMES = 2;
const WARMUP_POINTS = 2000;

/** @param {number} t */
const ease = (t) => 1 - (1 - t) ** 3;

/**
 * The plot's drawing, with no DOM: its data, its view, the animation and the frame, on a 2-D
 * context of a canvas or of an OffscreenCanvas (plot-worker.js draws in a worker). The page's
 * side (pointer, tooltip, size) is plot-canvas.js, which calls the methods below.
 */
export class PlotRenderer {
  /**
   * @param {HTMLCanvasElement | OffscreenCanvas} canvas
   * @param {CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D} ctx
   * @param {{requestFrame: (draw: (now: number) => void) => void, onFrame: (frames: number) => void}} host
   *   how to wait for the next frame, and whom to tell that one was drawn
   */
  constructor(canvas, ctx, host) {
    this.canvas = canvas;
    this.ctx = ctx;
    this.host = host;
    /** @type {PlotData | null} */
    this.data = null;
    /** Coordinates on screen now (between `from` and the data's during a transition). */
    this.shown = new Float32Array(0);
    this.from = new Float32Array(0);
    this.transitionStart = 0;
    /** How long the current glide lasts, and when the coordinates last changed. */
    this.glide = TRANSITION_MS;
    this.coordsAt = -Infinity;
    /** @type {View} */
    this.view = { scale: 1, x: 0, y: 0 };
    /** @type {View} the view when a drag or a pinch began */
    this.grabbed = this.view;
    this.follow = true;
    this.hover = -1;
    /** @type {string[]} CSS colour per point (circles) */
    this.colours = [];
    /** @type {Uint32Array} colour per point, 0xRRGGBB (for the SVG) */
    this.rgb = new Uint32Array(0);
    /** @type {{sx: Float32Array, sy: Float32Array, labels: number[], trails: import('./trails.js').ScreenTrail[]} | null} the last complete frame */
    this.scene = null;
    /** @type {Uint32Array} pixel value per point (squares; see `pixelOf`) */
    this.pixels = new Uint32Array(0);
    /** @type {ImageData | null} the squares' pixel buffer, reused while the canvas keeps its size */
    this.image = null;
    /** Labels drawn once and copied into the squares' pixel buffer (label-sprites.js). */
    this.sprites = new LabelSprites(LABEL_FONT, LABEL_PX, LABEL_INK, LABEL_BOX);
    /** @type {Float32Array} label widths, estimated when first needed (−1: not yet) */
    this.widths = new Float32Array(0);
    this.width = 0;
    this.height = 0;
    /** Canvas pixels per CSS pixel. */
    this.dpr = 1;
    this.frame = false;
    this.frames = 0;
    /** Frames left in which a new vocabulary is drawn in part (see WARMUP_FRAMES). */
    this.warmup = 0;
  }

  /** New data; coordinates glide from where the points are now. @param {PlotData} data */
  setData(data) {
    const prev = this.data;
    const sameWords = prev !== null && prev.words === data.words;
    if (!sameWords) {
      this.widths = new Float32Array(data.words.length).fill(-1);
      if (data.words.length > SQUARES_ABOVE) this.sprites.reset(data.words.length, this.dpr);
      this.shown = new Float32Array(data.coords);
      this.follow = true;
      this.hover = -1;
      this.warmup = WARMUP_FRAMES;
      this.scene = null;
    }
    if (!prev || !sameWords || prev.counts !== data.counts || prev.clusters !== data.clusters || prev.colourBy !== data.colourBy) {
      const rgb = pointRgb(data.counts, data.clusters, data.colourBy);
      this.rgb = rgb;
      // CSS strings for circles, pixel values for squares: only what draw() will use.
      this.colours = data.words.length > SQUARES_ABOVE ? [] : Array.from(rgb, cssColour);
      this.pixels = data.words.length > SQUARES_ABOVE ? rgb.map(pixelOf) : new Uint32Array(0);
    }
    const now = performance.now();
    if (!prev || data.coords !== prev.coords) {
      const since = now - this.coordsAt;
      this.glide = sameWords && since > TRANSITION_MS && since < MAX_GLIDE_MS ? since : TRANSITION_MS;
      this.coordsAt = now;
    }
    this.from = new Float32Array(this.shown);
    this.transitionStart = now;
    this.data = data;
    this.request();
  }

  /** A word's label width in pixels, estimated once. @param {number} i */
  labelWidth(i) {
    if (this.widths[i] < 0 && this.data) this.widths[i] = labelWidth(this.data.words[i]);
    return this.widths[i];
  }

  /** The picture as it is on screen, as an SVG document (plot-svg.js); null before one is drawn. */
  svg() {
    const { data, scene } = this;
    if (!data || !scene) return null;
    return plotSvg({ width: this.width, height: this.height, words: data.words, rgb: this.rgb, selected: data.selected, highlighted: data.highlighted, analogy: data.analogy, ...scene });
  }

  /**
   * The picture as it is on screen as a PNG, at the screen's resolution, on white, drawn into
   * `copy` (a blank canvas the caller makes: an OffscreenCanvas, or a page's canvas where there
   * is none).
   * @param {HTMLCanvasElement | OffscreenCanvas} copy
   * @returns {Promise<Blob | null>}
   */
  async png(copy) {
    if (!this.data) return null;
    copy.width = this.canvas.width;
    copy.height = this.canvas.height;
    const ctx = /** @type {CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null} */ (copy.getContext('2d'));
    if (!ctx) return null;
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(this.canvas, 0, 0);
    return 'convertToBlob' in copy ? copy.convertToBlob({ type: 'image/png' }) : new Promise((done) => copy.toBlob(done, 'image/png'));
  }

  /** Nothing to show (no model loaded). */
  clear() {
    this.data = null;
    this.scene = null;
    this.hover = -1;
    this.request();
  }

  /** Follow the data again (fit every point). */
  fit() {
    this.follow = true;
    this.request();
  }

  request() {
    if (this.frame) return;
    this.frame = true;
    this.host.requestFrame((t) => this.draw(t));
  }

  /**
   * The canvas's size on screen in CSS pixels, and its pixels per CSS pixel.
   * @param {number} width @param {number} height @param {number} dpr
   */
  setSize(width, height, dpr) {
    if (dpr !== this.dpr && this.data && this.data.words.length > SQUARES_ABOVE) this.sprites.reset(this.data.words.length, dpr);
    this.dpr = dpr;
    this.width = width;
    this.height = height;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.request();
  }

  /** Zoom by `factor` about (x, y), CSS pixels. @param {number} factor @param {number} x @param {number} y */
  zoom(factor, x, y) {
    this.follow = false;
    this.view = zoomAt(this.view, factor, x, y);
    this.request();
  }

  /** A drag or a pinch begins: later moves are relative to the view now. */
  grab() {
    this.grabbed = this.view;
  }

  /** Drag by (dx, dy) since `grab`. @param {number} dx @param {number} dy */
  drag(dx, dy) {
    this.follow = false;
    this.view = { ...this.grabbed, x: this.grabbed.x + dx, y: this.grabbed.y + dy };
    this.request();
  }

  /**
   * Two fingers moved from (a0, b0), where they were at `grab`, to (a1, b1).
   * @param {[number, number]} a0 @param {[number, number]} b0 @param {[number, number]} a1 @param {[number, number]} b1
   */
  pinch(a0, b0, a1, b1) {
    this.follow = false;
    this.view = pinchView(this.grabbed, a0, b0, a1, b1);
    this.request();
  }

  /**
   * The word under (x, y) within `radius` CSS pixels of where it is drawn now, or −1.
   * @param {number} x @param {number} y @param {number} radius
   */
  pickAt(x, y, radius) {
    return this.data ? pick(this.shown, this.view, x, y, radius) : -1;
  }

  /**
   * The pointer is at (x, y): the word under it is hovered (its label drawn first and dark).
   * Returns the hovered id (−1: none).
   * @param {number} x @param {number} y
   */
  hoverAt(x, y) {
    const id = this.pickAt(x, y, PICK_RADIUS.mouse);
    if (id !== this.hover) {
      this.hover = id;
      this.request();
    }
    return id;
  }

  /** @param {number} now */
  draw(now) {
    this.frame = false;
    this.frames++;
    this.host.onFrame(this.frames);
    const data = this.data;
    const { ctx, width, height } = this;
    ctx.clearRect(0, 0, width, height);
    if (!data) return;
    const t = data.words.length > GLIDE_UP_TO ? 1 : Math.min(1, (now - this.transitionStart) / this.glide);
    const k = ease(t);
    const all = data.words.length;
    const stage = this.warmup;
    if (stage > 0) {
      this.warmup--;
      this.request();
    }
    const n = stage === WARMUP_FRAMES ? Math.min(all, WARMUP_POINTS) : all;
    if (this.shown.length !== data.coords.length) this.shown = new Float32Array(data.coords);
    const { shown, from } = this;
    if (k === 1) shown.set(data.coords.subarray(0, 2 * n));
    else for (let i = 0; i < 2 * n; i++) shown[i] = from[i] + (data.coords[i] - from[i]) * k;
    if (this.follow) {
      const target = fitView(withTrails(withAnalogyTarget(data.coords, data.analogy), data.trails), width, height);
      // Glide the view too, so a changing extent does not jolt the picture.
      const v = this.view;
      const a = t < 1 ? 0.25 : 1;
      this.view = v.scale === 1 && v.x === 0 ? target : { scale: v.scale + (target.scale - v.scale) * a, x: v.x + (target.x - v.x) * a, y: v.y + (target.y - v.y) * a };
    }
    const view = this.view;
    const sx = new Float32Array(n);
    const sy = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      sx[i] = screenX(view, shown[2 * i]);
      sy[i] = screenY(view, shown[2 * i + 1]);
    }

    // Labels: selected, hovered and highlighted first, then by frequency (ids are by frequency).
    // Not while a new vocabulary comes in (see WARMUP_FRAMES).
    /** @type {number[]} */
    let labels = [];
    if (stage === 0) {
      const first = [];
      if (data.selected >= 0) first.push(data.selected);
      if (this.hover >= 0) first.push(this.hover);
      for (const h of data.highlighted) first.push(h);
      labels = placeLabels(first, n, sx, sy, (i) => this.labelWidth(i), width, height, MAX_LABELS);
    }
    const strong = (/** @type {number} */ i) => i === data.selected || i === this.hover || data.highlighted.has(i);
    /** Labels drawn as text on top of everything (the others may be sprites under the rings). */
    let texts = labels;
    if (all > SQUARES_ABOVE) {
      const sprites = labels.filter((i) => !strong(i));
      texts = labels.filter(strong);
      this.drawSquares(sx, sy, sprites);
      drawAnalogy(ctx, data.analogy, sx, sy);
    } else {
      drawAnalogy(ctx, data.analogy, sx, sy);
      this.drawCircles(sx, sy);
    }
    const trails = trailsOnScreen(data, view);
    drawTrails(ctx, trails);

    drawMarks(ctx, data, sx, sy);

    if (stage > 0) return;
    this.scene = { sx, sy, labels, trails };
    // Each label on a pale box, so it reads over the points: the boxes are one path (stroking
    // the glyphs' outlines as a halo cost several times more).
    ctx.fillStyle = LABEL_BACKING;
    ctx.beginPath();
    for (const i of texts) ctx.rect(sx[i] + LABEL_BOX.left, sy[i] + LABEL_BOX.top, this.labelWidth(i) - 2, LABEL_BOX.height);
    ctx.fill();
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'middle';
    for (const i of texts) {
      ctx.fillStyle = strong(i) ? LABEL_INK_STRONG : LABEL_INK;
      ctx.fillText(data.words[i], sx[i] + LABEL_BOX.left + LABEL_BOX.textLeft, sy[i] + LABEL_BOX.top + LABEL_BOX.textMiddle);
    }
    if (t < 1) this.request();
  }

  /**
   * Circles, one path per colour (at most SHADES or PALETTE.length paths).
   * @param {Float32Array} sx @param {Float32Array} sy  screen coordinates
   */
  drawCircles(sx, sy) {
    const { ctx, width, height } = this;
    /** @type {Map<string, number[]>} */
    const byColour = new Map();
    for (let i = 0; i < sx.length; i++) {
      if (sx[i] < -10 || sy[i] < -10 || sx[i] > width + 10 || sy[i] > height + 10) continue;
      const list = byColour.get(this.colours[i]);
      if (list) list.push(i);
      else byColour.set(this.colours[i], [i]);
    }
    for (const [colour, ids] of byColour) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      for (const i of ids) {
        ctx.moveTo(sx[i] + POINT_RADIUS, sy[i]);
        ctx.arc(sx[i], sy[i], POINT_RADIUS, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
  }

  /**
   * Squares written into a pixel buffer, then the labels `labels` copied over them as sprites (a
   * box as on the canvas, at LABEL_BOX, opaque), and all put on the canvas in one call (which
   * replaces every pixel: whatever else the frame shows is drawn after it).
   * @param {Float32Array} sx @param {Float32Array} sy  screen coordinates (CSS pixels)
   * @param {number[]} labels
   */
  drawSquares(sx, sy, labels) {
    const { canvas, ctx, dpr } = this;
    if (!this.image || this.image.width !== canvas.width || this.image.height !== canvas.height) {
      this.image = ctx.createImageData(canvas.width, canvas.height);
    }
    const pixels = new Uint32Array(this.image.data.buffer);
    pixels.fill(0);
    const size = Math.max(2, Math.round(4 * dpr));
    rasterSquares(pixels, canvas.width, canvas.height, dpr === 1 ? sx : sx.map((x) => x * dpr), dpr === 1 ? sy : sy.map((y) => y * dpr), this.pixels, size);
    const words = this.data?.words ?? [];
    this.sprites.prepare(labels, (i) => words[i], (i) => this.labelWidth(i) - 2);
    for (const i of labels) this.sprites.draw(pixels, canvas.width, canvas.height, i, Math.round((sx[i] + LABEL_BOX.left) * dpr), Math.round((sy[i] + LABEL_BOX.top) * dpr));
    ctx.putImageData(this.image, 0, 0);
  }
}
