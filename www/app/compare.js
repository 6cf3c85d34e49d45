// Compare: two models side by side on the same corpus and seed, differing in one setting
// (CBOW vs skip-gram, negative sampling vs hierarchical softmax, window 2 vs 5, …). Each side
// has its own training worker (started on first use), so the two train at once; the page shows
// both plots, loss curves, speeds and the query word's neighbours.

import { startWorker, WorkerClient } from '../core/client.js';
import { errorMessage } from '../core/errors.js';
import { DEFAULT_ALPHA } from '../core/schema.js';
import { checkSettings } from '../core/settings.js';
import { renderLoss, renderScored } from '../views/panels.js';
import { EmbeddingPlot } from '../views/plot/plot-canvas.js';
import { $ } from './dom.js';
import { addLoss } from './state.js';
import { NO_QUERIES } from '../core/protocol.js';

/** @typedef {import('../core/protocol.js').Settings} Settings */
/** @typedef {import('../core/protocol.js').Snapshot} Snapshot */
/** @typedef {import('./state.js').AppState} AppState */
/** @typedef {import('../core/i18n.js').Translate} Translate */

/** Neighbours of the query word each side lists (a half-width panel). */
const NEIGHBOURS_SHOWN = 5;

/** The comparisons offered: the two values of the setting that differs. */
export const VARIANTS = /** @type {Record<string, [Partial<Settings>, Partial<Settings>]>} */ ({
  architecture: [{ architecture: 'cbow', alpha: DEFAULT_ALPHA.cbow }, { architecture: 'skipgram', alpha: DEFAULT_ALPHA.skipgram }],
  output: [{ output: 'negative' }, { output: 'hierarchical' }],
  window: [{ window: 2 }, { window: 5 }],
  dim: [{ dim: 10 }, { dim: 50 }],
});

/** A side's label: the values it sets, e.g. "architecture = skipgram". @param {Partial<Settings>} v */
export function describe(v) {
  return Object.entries(v).map(([k, x]) => `${k} = ${x}`).join(', ');
}

/**
 * One side: its worker, plot and what it last reported.
 * @typedef {object} Side
 * @property {WorkerClient} client
 * @property {EmbeddingPlot} plot
 * @property {string[]} words
 * @property {Uint32Array} counts
 * @property {Snapshot | null} snapshot
 * @property {{x: number, loss: number}[]} loss
 * @property {string} state
 * @property {string | null} error
 */

/**
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {() => Translate} translate
 */
export function setupCompare(store, translate) {
  /** @type {Side[] | null} */
  let sides = null;

  /** @param {Side} side @param {number} i */
  function render(side, i) {
    const t = translate();
    const p = side.snapshot?.progress;
    const rate = side.state === 'training' ? ` · ${Math.round(side.snapshot?.wordsPerSecond ?? 0).toLocaleString()} ${t('stat.rate')}` : '';
    const loss = ` · ${t('stat.loss')} ${side.loss.at(-1)?.loss.toFixed(3) ?? '–'}`;
    const words = side.words.length > 0 ? ` · ${t('compare.vocabulary', { words: side.words.length.toLocaleString() })}` : '';
    const status = side.error ?? (p ? `${Math.floor((100 * p.wordsDone) / Math.max(1, p.totalWords))}%${rate}${loss}${words}` : '');
    $(`compare-status-${i}`).textContent = status;
    $(`compare-status-${i}`).dataset.state = side.state;
    renderLoss(/** @type {HTMLCanvasElement} */ ($(`compare-loss-${i}`)), side.loss);
    const n = side.snapshot?.answers.neighbours;
    renderScored($(`compare-neighbours-${i}`), n?.list.slice(0, NEIGHBOURS_SHOWN) ?? [], n?.error ?? null);
    if (side.snapshot && side.snapshot.coords.length === side.words.length * 2) {
      side.plot.setData({
        words: side.words,
        counts: side.counts,
        coords: side.snapshot.coords,
        clusters: null,
        colourBy: 'frequency',
        selected: side.words.indexOf(store.get().query.trim()),
        highlighted: new Set(),
        analogy: null,
      });
    }
  }

  /** @param {number} i @returns {Side} */
  function makeSide(i) {
    /** @type {Side} */
    const side = {
      // Replaced right below; the handlers need the side object to exist.
      client: /** @type {WorkerClient} */ (/** @type {unknown} */ (null)),
      plot: new EmbeddingPlot(/** @type {HTMLCanvasElement} */ ($(`compare-plot-${i}`)), $(`compare-tooltip-${i}`), {
        onSelect: () => {},
        describe: (id) => side.words[id] ?? '',
      }),
      words: [],
      counts: new Uint32Array(0),
      snapshot: null,
      loss: [],
      state: 'idle',
      error: null,
    };
    side.client = new WorkerClient(startWorker, {
      onReady: () => {},
      onSnapshot: (s) => {
        side.snapshot = s;
        side.loss = addLoss(side.loss, s);
        render(side, i);
      },
      onState: (state, error) => {
        side.state = state;
        side.error = error;
        render(side, i);
      },
    });
    return side;
  }

  async function trainBoth() {
    const st = store.get();
    if (!st.base) return;
    const { settings } = checkSettings(st.raw, st.base);
    if (!settings) return;
    const variant = VARIANTS[/** @type {HTMLSelectElement} */ ($('compare-variant')).value];
    sides ??= [makeSide(0), makeSide(1)];
    await Promise.all(sides.map(async (side, i) => {
      side.loss = [];
      side.error = null;
      side.words = [];
      side.snapshot = null;
      $(`compare-label-${i}`).textContent = describe(variant[i]);
      try {
        // The page's corpus as the page's model has it: a large file whole, not the text box's start.
        const vocab = await side.client.loadCorpus(st, { ...settings, ...variant[i] });
        side.words = vocab.words;
        side.counts = vocab.counts;
        render(side, i);
        await side.client.request({ type: 'queries', queries: { ...NO_QUERIES, word: st.query, k: NEIGHBOURS_SHOWN } });
        await side.client.request({ type: 'train' });
      } catch (e) {
        side.error = errorMessage(e);
        render(side, i);
      }
    }));
  }

  $('compare-train').addEventListener('click', () => trainBoth());
}
