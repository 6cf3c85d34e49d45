// Projections beyond PCA, for the worker's snapshots: t-SNE, UMAP and custom axes.
//
// PCA (the default, in the trainer's module) is cheap enough for every snapshot and shows the
// directions of largest variance. The others answer other questions, as in the TensorFlow
// Embedding Projector:
// - t-SNE (src/picture/tsne.rs, in the explorer module) keeps each word's neighbours near;
// - UMAP (umap-js, the Embedding Projector's own implementation) does too, and keeps more of the
//   large-scale structure;
// - custom axes (src/picture/axes.rs) put words along directions chosen with words (man → woman).
// t-SNE and UMAP cost n² (or n log n with large constants) for n points, so they lay out the
// LAYOUT_POINTS most frequent words (the rest get NaN coordinates, which the plot does not draw),
// and while training they are recomputed at most every REFRESH_MS, and no more often than four
// times what the last one cost (so training keeps at least four fifths of the worker: UMAP on
// 500 words takes about 2 s): t-SNE carries on from its last picture with the new vectors; UMAP
// starts again with the same seed, and its new picture is turned (rotated or mirrored, `align`)
// onto the last one so that it does not spin.
//
// Every layout is seeded by the model's seed: the same seed gives the same picture.

import { LAYOUT_POINTS } from '../core/protocol.js';

/** @typedef {import('../core/protocol.js').Projection} Projection */
/** @typedef {typeof import('../pkg-explore/word2vec_lab.js')} Explore */
/** @typedef {typeof import('umap-js').UMAP} Umap */

/**
 * What a layout needs of the vectors: the words (one a line) and their number, the dimension,
 * the vectors themselves (read only when a layout is computed), and the words trained so far.
 * @typedef {{words: string, count: number, dim: number, vectors: () => Float32Array, stamp: number}} LayoutModel
 */

/** @type {Promise<Umap> | null} */
let umap = null;

/**
 * umap-js, loaded the first time UMAP is chosen (it would otherwise be three quarters of the
 * worker's script, parsed by every visit).
 */
export function loadUmap() {
  umap ??= import('umap-js').then((m) => m.UMAP);
  return umap;
}

/** While training, the least time between two t-SNE or UMAP layouts. */
export const REFRESH_MS = 2000;
/** t-SNE iterations for a first picture (with its early exaggeration), and for a refresh. */
const TSNE_FIRST = 500;
const TSNE_REFRESH = 100;

/**
 * A seeded uniform generator in [0, 1) (mulberry32), for umap-js's random choices.
 * @param {number} seed @returns {() => number}
 */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `next` (n × 2) turned onto `previous` by the rotation, or the rotation after a mirror, that fits
 * it best in the least-squares sense (2-D orthogonal Procrustes), keeping `next`'s own centre and
 * scale. Returns a new array.
 * @param {Float32Array} previous @param {Float32Array} next
 */
export function align(previous, next) {
  const n = Math.min(previous.length, next.length) / 2;
  const centre = (/** @type {Float32Array} */ a) => {
    let x = 0;
    let y = 0;
    for (let i = 0; i < n; i++) {
      x += a[2 * i];
      y += a[2 * i + 1];
    }
    return [x / Math.max(1, n), y / Math.max(1, n)];
  };
  const [px, py] = centre(previous);
  const [nx, ny] = centre(next);
  // With m_jk = Σ next_ij · previous_ik (centred), a rotation by θ scores
  // cos θ (m00 + m11) + sin θ (m01 − m10), best at θ = atan2(m01 − m10, m00 + m11); mirroring
  // next's y first flips the signs of m10 and m11.
  let m00 = 0;
  let m01 = 0;
  let m10 = 0;
  let m11 = 0;
  for (let i = 0; i < n; i++) {
    const ax = next[2 * i] - nx;
    const ay = next[2 * i + 1] - ny;
    const bx = previous[2 * i] - px;
    const by = previous[2 * i + 1] - py;
    m00 += ax * bx;
    m01 += ax * by;
    m10 += ay * bx;
    m11 += ay * by;
  }
  const rotated = Math.hypot(m00 + m11, m01 - m10);
  const mirrored = Math.hypot(m00 - m11, m01 + m10);
  const mirror = mirrored > rotated;
  const angle = mirror ? Math.atan2(m01 + m10, m00 - m11) : Math.atan2(m01 - m10, m00 + m11);
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const out = new Float32Array(next.length);
  for (let i = 0; i < next.length / 2; i++) {
    const x = next[2 * i] - nx;
    const y = (mirror ? -1 : 1) * (next[2 * i + 1] - ny);
    out[2 * i] = nx + c * x - s * y;
    out[2 * i + 1] = ny + s * x + c * y;
  }
  return out;
}

/**
 * UMAP of the rows' directions (unit vectors), seeded.
 * @param {Umap} UMAP @param {Float32Array} vectors n × dim @param {number} dim
 * @param {number} neighbours @param {number} seed
 * @returns {Float32Array} n × 2
 */
export function umapLayout(UMAP, vectors, dim, neighbours, seed) {
  const n = vectors.length / dim;
  /** @type {number[][]} */
  const rows = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from(vectors.subarray(i * dim, (i + 1) * dim));
    const norm = Math.hypot(...row) || 1;
    rows.push(row.map((x) => x / norm));
  }
  const umap = new UMAP({ nComponents: 2, nNeighbors: Math.max(2, Math.min(neighbours, n - 1)), minDist: 0.1, random: seededRandom(seed) });
  return Float32Array.from(umap.fit(rows).flat());
}

/** The layout a snapshot shows, kept between snapshots. */
export class Layout {
  /**
   * @param {Projection} projection  not PCA (the session asks the model for that)
   * @param {{explore: Explore, UMAP: Umap | null}} modules  UMAP: loaded if the projection is UMAP
   * @param {number} seed
   */
  constructor(projection, { explore, UMAP }, seed) {
    this.projection = projection;
    this.explore = explore;
    this.UMAP = UMAP;
    this.seed = seed;
    /** @type {import('../pkg-explore/word2vec_lab.js').TsneLayout | null} */
    this.tsne = null;
    /** @type {Float32Array | null} the last t-SNE or UMAP picture of the laid-out words */
    this.last = null;
    this.at = -Infinity;
    /** What the last picture cost, in ms. */
    this.cost = 0;
    /** Words trained when the last picture was made (it is made again only after training). */
    this.stamp = -1;
  }

  /**
   * Coordinates of every word (|V| × 2; NaN for words not laid out). Throws the core's message
   * when custom axes name a word the vocabulary does not have.
   * @param {LayoutModel} model
   *   words: one per line; vectors: all rows (called only when needed); stamp: words trained
   * @param {boolean} training @param {number} now
   */
  coords(model, training, now) {
    const p = this.projection;
    if (p.kind === 'axes') return this.explore.customAxes(model.words, model.dim, model.vectors(), p.words);
    if (p.kind === 'pca') throw new Error('PCA is the model\'s own projection');
    const n = Math.min(model.count, LAYOUT_POINTS);
    const changed = model.stamp !== this.stamp;
    let last = this.last;
    if (!last || (changed && (!training || now - this.at >= Math.max(REFRESH_MS, 4 * this.cost)))) {
      const start = performance.now();
      const head = model.vectors().subarray(0, n * model.dim);
      if (p.kind === 'tsne') {
        const first = this.tsne === null;
        this.tsne ??= new this.explore.TsneLayout(head, model.dim, p.perplexity, this.seed);
        if (!first) this.tsne.setInput(head);
        last = this.tsne.run(first ? TSNE_FIRST : TSNE_REFRESH);
      } else {
        if (!this.UMAP) throw new Error('UMAP is not loaded');
        const next = umapLayout(this.UMAP, head, model.dim, p.neighbours, this.seed);
        last = last ? align(last, next) : next;
      }
      this.last = last;
      this.at = now;
      this.cost = performance.now() - start;
      this.stamp = model.stamp;
    }
    const out = new Float32Array(2 * model.count).fill(NaN);
    out.set(last.subarray(0, 2 * n));
    return out;
  }

  free() {
    this.tsne?.free();
    this.tsne = null;
  }
}
