// The plot's colours: a colour per word, by log frequency or by cluster, as 0xRRGGBB; as CSS and
// as a pixel of an ImageData; and squares written straight into a pixel buffer. Pure functions,
// unit-tested (tests/js/plot.test.mjs); plot.js and the weights heatmap draw with them.

/** Shades of the frequency ramp, so that circles are drawn in at most this many paths. */
export const SHADES = 16;

/** Ten distinguishable colours (Tableau 10) for clusters. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** PALETTE as 0xRRGGBB numbers. */
const PALETTE_RGB = PALETTE.map((hex) => parseInt(hex.slice(1), 16));

/**
 * A colour per word as 0xRRGGBB: by log frequency (light blue → dark orange, in SHADES steps) or
 * by cluster. Without counts (imported vectors, all 0) by rank in the file, which lists the most
 * frequent words first: Zipf's law makes −log rank stand in for log frequency.
 * @param {Uint32Array} counts @param {Uint32Array | null} clusters @param {'frequency' | 'cluster'} by
 * @returns {Uint32Array}
 */
export function pointRgb(counts, clusters, by) {
  if (by === 'cluster' && clusters && clusters.length === counts.length) {
    return clusters.map((c) => PALETTE_RGB[c % PALETTE_RGB.length]);
  }
  const counted = counts.some((c) => c > 0);
  const level = (/** @type {number} */ c, /** @type {number} */ i) => (counted ? Math.log(c) : -Math.log(i + 1));
  let lo = Infinity;
  let hi = -Infinity;
  counts.forEach((c, i) => {
    lo = Math.min(lo, level(c, i));
    hi = Math.max(hi, level(c, i));
  });
  // #7aa6d6 (rare) → #c2410c (frequent)
  const ramp = (/** @type {number} */ t) => {
    const mix = (/** @type {number} */ a, /** @type {number} */ b) => Math.round(a + (b - a) * t);
    return (mix(0x7a, 0xc2) << 16) | (mix(0xa6, 0x41) << 8) | mix(0xd6, 0x0c);
  };
  // Sixteen shades, so that circles are drawn in at most sixteen paths.
  const shade = (/** @type {number} */ x) => Math.round(x * (SHADES - 1)) / (SHADES - 1);
  return counts.map((c, i) => ramp(shade(hi > lo ? (level(c, i) - lo) / (hi - lo) : 0.5)));
}

/** 0xRRGGBB as a CSS colour. @param {number} rgb */
export function cssColour(rgb) {
  return `rgb(${rgb >> 16}, ${(rgb >> 8) & 0xff}, ${rgb & 0xff})`;
}

/**
 * Opaque 0xRRGGBB as one pixel of an ImageData seen through a Uint32Array (bytes R, G, B, A in
 * memory, so A·2²⁴ + B·2¹⁶ + G·2⁸ + R on every little-endian machine browsers run on).
 * @param {number} rgb
 */
export function pixelOf(rgb) {
  return (0xff000000 | ((rgb & 0xff) << 16) | (rgb & 0xff00) | (rgb >> 16)) >>> 0;
}

/**
 * Filled size × size squares centred on (xs[i], ys[i]), written straight into a w × h pixel
 * buffer, the last point first so that point 0 (the most frequent word) ends on top. For
 * thousands of points this is far cheaper than a canvas path, which the browser rasterises
 * shape by shape; squares are clipped at the edges, points off the buffer (or NaN) skipped.
 * @param {Uint32Array} pixels @param {number} w @param {number} h
 * @param {Float32Array} xs @param {Float32Array} ys  centres, in pixels
 * @param {Uint32Array} colours  one pixel value per point (see `pixelOf`)
 * @param {number} size  side in pixels
 */
export function rasterSquares(pixels, w, h, xs, ys, colours, size) {
  for (let i = xs.length - 1; i >= 0; i--) {
    const left = Math.round(xs[i] - size / 2);
    const top = Math.round(ys[i] - size / 2);
    const x0 = Math.max(0, left);
    const x1 = Math.min(w, left + size);
    const y0 = Math.max(0, top);
    const y1 = Math.min(h, top + size);
    if (!(x0 < x1 && y0 < y1)) continue;
    const c = colours[i];
    // Plain stores: a few pixels per row, where a call to fill() would cost more than the row.
    for (let row = y0 * w; row < y1 * w; row += w) {
      for (let p = row + x0; p < row + x1; p++) pixels[p] = c;
    }
  }
}
