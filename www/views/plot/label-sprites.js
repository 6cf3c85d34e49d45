// Labels as sprites, for plots of thousands of points. A canvas's fillText costs a few
// microseconds per call (shaping, font lookup, recording, rasterising), so 400 labels a frame were
// the largest part of a frame on a slow machine. Here each word's label (its box and its text) is
// drawn with fillText once, into an atlas canvas, and read back once; every frame then copies the
// labels' pixels straight into the pixel buffer the points are written into (plot.js,
// `rasterSquares`), so the whole picture reaches the canvas in one putImageData.
//
// The sprites are opaque (the box is solid white, the text is antialiased against it), so copying
// is a plain copy with no blending. The atlas is packed in shelves of one label height; when it is
// full it starts again empty (the labels shown are mostly the same frequent words, so this is rare).

/**
 * Copy the sw × sh block at (sx, sy) of a source pixel buffer (width `srcW`) to (dx, dy) of a
 * w × h destination, clipped at the destination's edges.
 * @param {Uint32Array} dst @param {number} w @param {number} h
 * @param {Uint32Array} src @param {number} srcW
 * @param {number} sx @param {number} sy @param {number} sw @param {number} sh
 * @param {number} dx @param {number} dy
 */
export function blit(dst, w, h, src, srcW, sx, sy, sw, sh, dx, dy) {
  const x0 = Math.max(0, -dx);
  const x1 = Math.min(sw, w - dx);
  const y0 = Math.max(0, -dy);
  const y1 = Math.min(sh, h - dy);
  for (let r = y0; r < y1; r++) {
    const from = (sy + r) * srcW + sx;
    const to = (dy + r) * w + dx;
    for (let k = x0; k < x1; k++) dst[to + k] = src[from + k];
  }
}

/** Atlas width in device pixels; its height is 1,024 per device pixel ratio (up to 4,096), room
 * for a few thousand labels, many more than a frame shows. */
const ATLAS_WIDTH = 2048;

export class LabelSprites {
  /**
   * @param {string} font  the labels' CSS font at one CSS pixel per device pixel, e.g. "12px …"
   * @param {number} fontPx  its size in CSS pixels (scaled by the device pixel ratio)
   * @param {string} ink  the text's colour
   * @param {{height: number, textLeft: number, textMiddle: number}} box  the label's box height
   *   and where its text starts in it, CSS pixels (plot.js, LABEL_BOX)
   */
  constructor(font, fontPx, ink, box) {
    this.font = font;
    this.fontPx = fontPx;
    this.ink = ink;
    this.box = box;
    /** @type {OffscreenCanvasRenderingContext2D | null} */
    this.ctx = null;
    /** The atlas's pixels as last read back. */
    this.pixels = new Uint32Array(0);
    this.atlasHeight = 0;
    /** Times the atlas was full and started again. */
    this.clears = 0;
    this.dpr = 0;
    this.height = 0;
    /** Sprite of each word id: x, y, width in the atlas (x = −1: none yet). */
    this.slots = new Int32Array(0);
    this.shelfX = 0;
    this.shelfY = 0;
    /** The atlas's part drawn since the last read-back: columns [left, right), rows [top, bottom). */
    this.dirty = { left: Infinity, right: 0, top: Infinity, bottom: 0 };
  }

  /**
   * Forget every sprite: a new vocabulary (ids mean other words) or a new device pixel ratio.
   * @param {number} words @param {number} dpr
   */
  reset(words, dpr) {
    this.slots = new Int32Array(3 * words).fill(-1);
    this.height = Math.ceil(this.box.height * dpr);
    if (dpr !== this.dpr || !this.ctx) {
      this.dpr = dpr;
      this.atlasHeight = Math.min(4096, Math.ceil(1024 * dpr));
      const ctx = new OffscreenCanvas(ATLAS_WIDTH, this.atlasHeight).getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2-D canvas for the labels');
      this.ctx = ctx;
      this.pixels = new Uint32Array(ATLAS_WIDTH * this.atlasHeight);
    }
    this.clear();
  }

  /** Start the atlas again, empty. */
  clear() {
    this.slots.fill(-1);
    this.shelfX = 0;
    this.shelfY = 0;
    this.ctx?.clearRect(0, 0, ATLAS_WIDTH, this.atlasHeight);
    this.dirty = { left: Infinity, right: 0, top: Infinity, bottom: 0 };
    this.clears++;
  }

  /**
   * Give every word in `ids` a sprite (drawing the missing ones), then read the atlas back. If
   * the atlas filled up on the way (and started again), the ids are gone through once more.
   * @param {number[]} ids @param {(id: number) => string} textOf
   * @param {(id: number) => number} widthOf  width in CSS pixels, box included
   */
  prepare(ids, textOf, widthOf) {
    if (!this.ctx) return;
    this.ctx.font = this.font.replace(`${this.fontPx}px`, `${this.fontPx * this.dpr}px`);
    this.ctx.textBaseline = 'middle';
    for (let pass = 0; pass < 2; pass++) {
      const clears = this.clears;
      for (const id of ids) this.ensure(id, textOf(id), widthOf(id));
      if (this.clears === clears) break;
    }
    this.sync();
  }

  /**
   * Make sure word `id` has a sprite showing `text`: a box at least `width` CSS pixels wide, and
   * as wide as the text itself with its margin either side (the width the plot places labels
   * with is an estimate). The atlas's font is set (prepare).
   * @param {number} id @param {string} text @param {number} width
   */
  ensure(id, text, width) {
    const ctx = this.ctx;
    if (this.slots[3 * id] >= 0 || !ctx) return;
    const { dpr, height } = this;
    const margin = this.box.textLeft * dpr;
    const w = Math.min(ATLAS_WIDTH, Math.ceil(Math.max(width * dpr, ctx.measureText(text).width + 2 * margin)));
    if (this.shelfX + w > ATLAS_WIDTH) {
      this.shelfX = 0;
      this.shelfY += height;
    }
    if (this.shelfY + height > this.atlasHeight) this.clear();
    const x = this.shelfX;
    const y = this.shelfY;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(x, y, w, height);
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, w, height);
    ctx.clip();
    ctx.fillStyle = this.ink;
    ctx.fillText(text, x + margin, y + this.box.textMiddle * dpr);
    ctx.restore();
    this.slots[3 * id] = x;
    this.slots[3 * id + 1] = y;
    this.slots[3 * id + 2] = w;
    this.shelfX += w;
    const d = this.dirty;
    d.left = Math.min(d.left, x);
    d.right = Math.max(d.right, x + w);
    d.top = Math.min(d.top, y);
    d.bottom = Math.max(d.bottom, y + height);
  }

  /** Read back what was drawn since the last time (once a frame, before copying). */
  sync() {
    const d = this.dirty;
    if (d.right <= d.left || !this.ctx) return;
    const w = d.right - d.left;
    const image = new Uint32Array(this.ctx.getImageData(d.left, d.top, w, d.bottom - d.top).data.buffer);
    blit(this.pixels, ATLAS_WIDTH, this.atlasHeight, image, w, 0, 0, w, d.bottom - d.top, d.left, d.top);
    this.dirty = { left: Infinity, right: 0, top: Infinity, bottom: 0 };
  }

  /**
   * Copy word `id`'s sprite with its top-left corner at (dx, dy) device pixels into a w × h buffer.
   * @param {Uint32Array} dst @param {number} w @param {number} h @param {number} id @param {number} dx @param {number} dy
   */
  draw(dst, w, h, id, dx, dy) {
    const x = this.slots[3 * id];
    if (x < 0) return;
    blit(dst, w, h, this.pixels, ATLAS_WIDTH, x, this.slots[3 * id + 1], this.slots[3 * id + 2], this.height, dx, dy);
  }
}
