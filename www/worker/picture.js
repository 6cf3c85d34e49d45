// Where the plot puts the words and what colours them, for a session's vectors: the projection
// the page chose (PCA, from the module the vectors are in, or a layout from layouts.js: t-SNE,
// UMAP or custom axes, which need the explorer module), kept when new vectors replace the old,
// and the k-means groups (k = 0: none). Custom axes whose words a new vocabulary lacks fall back
// to PCA at the next picture, which says why.

import { errorMessage } from '../core/errors.js';
import { Layout, loadUmap } from './layouts.js';

/** @typedef {import('./models.js').Explorer} Explorer */
/** @typedef {typeof import('../pkg-explore/word2vec_lab.js')} Explore */

/** The seed of a t-SNE or UMAP layout when training is seeded from the operating system
 * (`seed` null): the picture of the same vectors still comes out the same. */
const UNSEEDED_LAYOUT_SEED = 1;

/**
 * A layout's seed: the training's, or UNSEEDED_LAYOUT_SEED (imported vectors have no settings).
 * @param {import('../core/protocol.js').Settings | null} settings
 */
const seedOf = (settings) => settings?.seed ?? UNSEEDED_LAYOUT_SEED;

/** @typedef {import('./layouts.js').LayoutModel} LayoutModel */

export class Picture {
  /** @param {() => Promise<Explore>} explore  loads the explorer module (once) */
  constructor(explore) {
    this.explore = explore;
    /** @type {import('../core/protocol.js').Projection} */
    this.projection = { kind: 'pca' };
    /** @type {Layout | null} the projection's layout when it is not PCA */
    this.layout = null;
    /** @type {{explore: Explore, UMAP: import('./layouts.js').Umap | null} | null} what layouts need, once loaded */
    this.modules = null;
    /** Colour groups (0: none). */
    this.clusterK = 0;
  }

  /**
   * Place the words by `projection` from the next picture on, loading what it needs. Custom axes
   * are tried at once on `model` (the vectors now, if any): a word the vocabulary lacks is refused
   * with the core's message, and the previous projection stays.
   * @param {import('../core/protocol.js').Projection} projection
   * @param {import('../core/protocol.js').Settings | null} settings  the training's (its seed seeds the layout)
   * @param {LayoutModel | null} model @param {number} now
   */
  async set(projection, settings, model, now) {
    /** @type {Layout | null} */
    let layout = null;
    if (projection.kind !== 'pca') {
      const UMAP = projection.kind === 'umap' ? await loadUmap() : (this.modules?.UMAP ?? null);
      this.modules = { explore: await this.explore(), UMAP };
      layout = new Layout(projection, this.modules, seedOf(settings));
      if (projection.kind === 'axes' && model) layout.coords(model, false, now);
    }
    this.layout?.free();
    this.layout = layout;
    this.projection = projection;
  }

  /** New vectors: the same projection, laid out afresh for them. @param {import('../core/protocol.js').Settings | null} settings */
  renew(settings) {
    this.layout?.free();
    this.layout = this.projection.kind !== 'pca' && this.modules ? new Layout(this.projection, this.modules, seedOf(settings)) : null;
  }

  /**
   * The picture of `vectors` now: the points, the projection they are in (and why it fell back
   * to PCA, if it did), PCA's share of the variance per axis, the colour groups.
   * @param {Explorer} vectors @param {LayoutModel} model @param {boolean} training @param {number} now
   */
  draw(vectors, model, training, now) {
    /** @type {string | null} */
    let projectionError = null;
    let coords = null;
    if (this.layout) {
      try {
        coords = this.layout.coords(model, training, now);
      } catch (e) {
        projectionError = errorMessage(e);
        this.layout.free();
        this.layout = null;
        this.projection = { kind: 'pca' };
      }
    }
    coords ??= vectors.project();
    return {
      coords,
      projection: this.layout ? this.projection.kind : 'pca',
      projectionError,
      explained: this.layout ? [] : Array.from(vectors.explained()),
      clusters: this.clusterK > 0 ? vectors.clusters(this.clusterK) : null,
    };
  }
}
