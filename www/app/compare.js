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
import { addLoss, compareSide, withSide } from './state.js';
import { NO_QUERIES } from '../core/protocol.js';

/** @typedef {import('../core/protocol.js').Settings} Settings */
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
 * Compare's two sides: each a worker and a plot of its own; what they report is the store's
 * (`AppState.compare`), and the sides are drawn from it.
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {() => Translate} translate
 */
export function setupCompare(store, translate) {
  /** The workers and plots, made on first use. @type {{client: WorkerClient, plot: EmbeddingPlot}[] | null} */
  let parts = null;

  /** @param {Partial<import('./state.js').CompareSide> | ((side: import('./state.js').CompareSide) => Partial<import('./state.js').CompareSide>)} change @param {number} i */
  const update = (i, change) =>
    store.update((st) => ({ compare: withSide(st.compare, i, typeof change === 'function' ? change(st.compare[i]) : change) }));

  /** @param {AppState} st @param {number} i */
  function render(st, i) {
    const side = st.compare[i];
    const t = translate();
    const p = side.snapshot?.progress;
    const rate = side.run === 'training' ? ` · ${Math.round(side.snapshot?.wordsPerSecond ?? 0).toLocaleString()} ${t('stat.rate')}` : '';
    const loss = ` · ${t('stat.loss')} ${side.loss.at(-1)?.loss.toFixed(3) ?? '–'}`;
    const words = side.words.length > 0 ? ` · ${t('compare.vocabulary', { words: side.words.length.toLocaleString() })}` : '';
    const status = side.error ?? (p ? `${Math.floor((100 * p.wordsDone) / Math.max(1, p.totalWords))}%${rate}${loss}${words}` : '');
    $(`compare-label-${i}`).textContent = side.label;
    $(`compare-status-${i}`).textContent = status;
    $(`compare-status-${i}`).dataset.state = side.run;
    renderLoss(/** @type {HTMLCanvasElement} */ ($(`compare-loss-${i}`)), side.loss);
    const n = side.snapshot?.answers.neighbours;
    renderScored($(`compare-neighbours-${i}`), n?.list.slice(0, NEIGHBOURS_SHOWN) ?? [], n?.error ?? null);
    if (parts && side.snapshot && side.snapshot.coords.length === side.words.length * 2) {
      parts[i].plot.setData({
        words: side.words,
        counts: side.counts,
        coords: side.snapshot.coords,
        clusters: null,
        colourBy: 'frequency',
        selected: side.words.indexOf(st.query.trim()),
        highlighted: new Set(),
        analogy: null,
      });
    }
  }

  store.subscribe((st, prev) => {
    const again = st.query !== prev.query || st.lang !== prev.lang;
    st.compare.forEach((side, i) => {
      if (again || side !== prev.compare[i]) render(st, i);
    });
  });

  /** @param {number} i */
  function makePart(i) {
    const plot = new EmbeddingPlot(/** @type {HTMLCanvasElement} */ ($(`compare-plot-${i}`)), $(`compare-tooltip-${i}`), {
      onSelect: () => {},
      describe: (id) => store.get().compare[i]?.words[id] ?? '',
    });
    const client = new WorkerClient(startWorker, {
      onReady: () => {},
      onSnapshot: (s) => update(i, (side) => ({ snapshot: s, loss: addLoss(side.loss, s) })),
      onState: (run, error) => update(i, { run, error }),
    });
    return { client, plot };
  }

  async function trainBoth() {
    const st = store.get();
    if (!st.base) return;
    const { settings } = checkSettings(st.raw, st.base);
    if (!settings) return;
    const variant = VARIANTS[/** @type {HTMLSelectElement} */ ($('compare-variant')).value];
    parts ??= [makePart(0), makePart(1)];
    store.update({ compare: variant.map((v) => compareSide(describe(v))) });
    await Promise.all(parts.map(async ({ client }, i) => {
      try {
        // No training history for a side: it would take its memory budget twice more.
        await client.request({ type: 'keepHistory', keep: false });
        // The page's corpus as the page's model has it: a large file whole, not the text box's start.
        const vocab = await client.loadCorpus(st, { ...settings, ...variant[i] });
        update(i, { words: vocab.words, counts: vocab.counts });
        await client.request({ type: 'queries', queries: { ...NO_QUERIES, word: st.query, k: NEIGHBOURS_SHOWN } });
        await client.request({ type: 'train' });
      } catch (e) {
        update(i, { error: errorMessage(e) });
      }
    }));
  }

  $('compare-train').addEventListener('click', () => trainBoth());
}
