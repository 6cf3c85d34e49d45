// The noise distribution of negative sampling (tutorial §4): each word's corpus frequency next
// to its probability of being drawn as a noise word, P_n(w) = count^power / Σ count^power, for
// the power on the slider (0 uniform, 0.75 word2vec's, 1 the unigram distribution); the
// tutorial's example, 的 at 1 % against Transformer at 0.01 %: a ratio of 100 becomes 100^power;
// and the noise words the traced steps actually drew.

import { morph } from '../morph.js';
import { bar, el, table } from './format.js';

/** @typedef {import('../../core/i18n.js').Translate} Translate */

/** How many of the most frequent words get bars. */
const SHOWN = 25;

/** What each view last drew, as text: a new model on the same corpus (a setting changed) sends
 *  the same counts and noise again, and building 25 rows of bars to find nothing to change was
 *  the longest task of the first traced step after it. */
const drawnAs = new WeakMap();

/**
 * @param {HTMLElement} root
 * @param {{words: string[], counts: Uint32Array, noise: Float64Array | null, power: number, drawn: Map<number, number>}} data
 * @param {Translate} t
 */
export function renderNoise(root, { words, counts, noise, power, drawn }, t) {
  const total = counts.reduce((a, c) => a + c, 0);
  const ratio = 100 ** power;
  const example = t('noise.example', { power: power.toFixed(2), ratio: ratio.toFixed(1) });
  /** @type {{word: string, frequency: number, noise: number, drawn: string}[]} */
  const rows = [];
  let max = 0;
  if (noise && noise.length === counts.length) {
    const n = Math.min(SHOWN, counts.length);
    for (let i = 0; i < n; i++) max = Math.max(max, counts[i] / total, noise[i]);
    const drawnTotal = [...drawn.values()].reduce((a, c) => a + c, 0);
    for (let i = 0; i < n; i++) {
      rows.push({ word: words[i], frequency: counts[i] / total, noise: noise[i], drawn: drawnTotal > 0 ? `${drawn.get(i) ?? 0}` : '–' });
    }
  }
  const more = rows.length > 0 && counts.length > rows.length ? t('noise.more', { n: counts.length - rows.length }) : '';
  const head = [t('step.word'), t('noise.frequency'), t('noise.probability'), t('noise.drawn')];
  const text = JSON.stringify([example, head, rows, more]);
  if (drawnAs.get(root) === text) return;
  drawnAs.set(root, text);

  const parts = [el('p', example, 'formula ratio')];
  if (rows.length > 0) {
    parts.push(table(head, rows.map((r) => [
      r.word,
      bar(r.frequency / max, `${(100 * r.frequency).toFixed(2)}%`, 'freq'),
      bar(r.noise / max, `${(100 * r.noise).toFixed(2)}%`, 'noise'),
      r.drawn,
    ]), 'cells noise-table'));
  }
  if (more) parts.push(el('p', more, 'help'));
  morph(root, parts);
}
