// The projection controls: PCA, t-SNE (perplexity), UMAP (neighbours) or custom axes (four
// words), sent to the worker (www/worker/layouts.js), which places the words from then on.
// Custom axes start from the analogy's words (x from A to C, y from A to B: man → woman,
// man → king) and wait until all four are typed; a word the vocabulary lacks is refused by the
// worker, the previous projection stays and the reason is shown.

import { errorMessage } from '../core/errors.js';
import { $, input } from './dom.js';

/** @typedef {import('../core/protocol.js').Projection} Projection */
/** @typedef {import('./state.js').AppState} AppState */

/** The menu's order, which the keyboard's P steps through. */
const KINDS = /** @type {const} */ (['pca', 'tsne', 'umap', 'axes']);
/** A pause in typing an axis word before the projection is asked for. */
const AXES_DELAY_MS = 300;

/**
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {import('../core/client.js').WorkerClient} client
 */
export function setupProjection(store, client) {
  /** Place the words by `projection`. @param {Projection} projection */
  async function set(projection) {
    const before = store.get().projection;
    store.update({ projection, projectionError: null });
    if (projection.kind === 'axes' && projection.words.some((w) => w.trim() === '')) return;
    try {
      await client.request({ type: 'projection', projection });
    } catch (e) {
      if (store.get().projection === projection) store.update({ projection: before, projectionError: errorMessage(e) });
    }
  }

  /** What the controls say for `kind`. @param {string} kind @returns {Projection} */
  function fromControls(kind) {
    const number = (/** @type {string} */ id, /** @type {number} */ fallback) => {
      const x = Math.round(Number(input(id).value));
      return Number.isFinite(x) && x >= 2 ? Math.min(x, 100) : fallback;
    };
    if (kind === 'tsne') return { kind, perplexity: number('perplexity', 10) };
    if (kind === 'umap') return { kind, neighbours: number('umap-neighbours', 15) };
    if (kind === 'axes') {
      const st = store.get();
      const typed = st.axesText.some((w) => w.trim() !== '');
      const [a, b, c] = st.analogy;
      const words = /** @type {[string, string, string, string]} */ (typed ? st.axesText.map((w) => w.trim()) : [a, c, a, b].map((w) => w.trim()));
      if (!typed) store.update({ axesText: words });
      return { kind, words };
    }
    return { kind: 'pca' };
  }

  $('projection').addEventListener('change', () => set(fromControls(/** @type {HTMLSelectElement} */ ($('projection')).value)));
  for (const id of ['perplexity', 'umap-neighbours']) {
    input(id).addEventListener('change', () => set(fromControls(store.get().projection.kind)));
  }
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let axesTimer;
  for (const [i, id] of ['axis-x-from', 'axis-x-to', 'axis-y-from', 'axis-y-to'].entries()) {
    input(id).addEventListener('input', () => {
      const axesText = /** @type {[string, string, string, string]} */ ([...store.get().axesText]);
      axesText[i] = input(id).value;
      store.update({ axesText });
      clearTimeout(axesTimer);
      axesTimer = setTimeout(() => set(fromControls('axes')), AXES_DELAY_MS);
    });
  }

  return {
    set,
    /** The next projection in the menu's order. */
    next() {
      const kind = KINDS[(KINDS.indexOf(store.get().projection.kind) + 1) % KINDS.length];
      return set(fromControls(kind));
    },
  };
}
