// The noise distribution of negative sampling (tutorial §4): each word's corpus frequency next
// to its probability of being drawn as a noise word, P_n(w) = count^power / Σ count^power, for
// the power on the slider (0 uniform, 0.75 word2vec's, 1 the unigram distribution); the
// tutorial's example, 的 at 1 % against Transformer at 0.01 %: a ratio of 100 becomes 100^power;
// and the noise words the traced steps actually drew.

import { morph } from '../morph.js';
import { bar, el, table } from './format.js';

/** @typedef {import('../../i18n.js').Translate} Translate */

/** How many of the most frequent words get bars. */
const SHOWN = 25;

/**
 * @param {HTMLElement} root
 * @param {{words: string[], counts: Uint32Array, noise: Float64Array | null, power: number, drawn: Map<number, number>}} data
 * @param {Translate} t
 */
export function renderNoise(root, { words, counts, noise, power, drawn }, t) {
  const total = counts.reduce((a, c) => a + c, 0);
  const ratio = 100 ** power;
  const parts = [el('p', t('noise.example', { power: power.toFixed(2), ratio: ratio.toFixed(1) }), 'formula ratio')];
  if (noise && noise.length === counts.length) {
    const n = Math.min(SHOWN, counts.length);
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, counts[i] / total, noise[i]);
    const drawnTotal = [...drawn.values()].reduce((a, c) => a + c, 0);
    const rows = [];
    for (let i = 0; i < n; i++) {
      rows.push([
        words[i],
        bar(counts[i] / total / max, `${((100 * counts[i]) / total).toFixed(2)}%`, 'freq'),
        bar(noise[i] / max, `${(100 * noise[i]).toFixed(2)}%`, 'noise'),
        drawnTotal > 0 ? `${drawn.get(i) ?? 0}` : '–',
      ]);
    }
    parts.push(table([t('step.word'), t('noise.frequency'), t('noise.probability'), t('noise.drawn')], rows, 'cells noise-table'));
    if (counts.length > n) parts.push(el('p', t('noise.more', { n: counts.length - n }), 'help'));
  }
  morph(root, parts);
}
