// The weight matrices W (input vectors) and W′ (output vectors, or Huffman inner nodes) as
// heatmaps, one row per word, updating live. Blue is negative, red positive, scaled to the
// largest magnitude in each matrix; small vocabularies show the numbers too.

import { el } from './format.js';

/** @typedef {import('../../protocol.js').Weights} Weights */
/** @typedef {import('../../i18n.js').Translate} Translate */

/** @param {number} x @param {number} max */
function colour(x, max) {
  const t = max > 0 ? Math.max(-1, Math.min(1, x / max)) : 0;
  const a = Math.abs(t);
  const [r, g, b] = t >= 0 ? [220, 38, 38] : [37, 99, 235];
  return `rgba(${r}, ${g}, ${b}, ${a.toFixed(3)})`;
}

/**
 * One matrix as a table heatmap.
 * @param {string} caption @param {Float32Array} data @param {number} rows @param {number} dim
 * @param {(r: number) => string} label @param {number} max @param {boolean} numbers
 */
function heatmap(caption, data, rows, dim, label, max, numbers) {
  const t = el('table', undefined, 'heatmap');
  t.createCaption().textContent = caption;
  for (let r = 0; r < rows; r++) {
    const tr = el('tr');
    tr.append(el('th', label(r)));
    for (let k = 0; k < dim; k++) {
      const x = data[r * dim + k];
      const td = el('td', numbers ? x.toFixed(2) : '');
      td.style.background = colour(x, max);
      td.title = `${label(r)}[${k}] = ${x}`;
      td.dataset.value = String(x);
      tr.append(td);
    }
    t.append(tr);
  }
  return t;
}

/**
 * @param {HTMLElement} root @param {Weights | null} w @param {string[]} words
 * @param {'softmax' | 'negative' | 'hierarchical'} output @param {Translate} t
 */
export function renderWeights(root, w, words, output, t) {
  if (!w) {
    root.replaceChildren(el('p', t('weights.none'), 'help'));
    return;
  }
  // Each matrix on its own scale: W′ starts at zero and grows, W starts small and random.
  const largest = (/** @type {Float32Array} */ m) => m.reduce((a, x) => Math.max(a, Math.abs(x)), 0);
  const numbers = w.dim <= 8;
  const outLabel = output === 'hierarchical' ? (/** @type {number} */ r) => t('step.node', { n: r }) : (/** @type {number} */ r) => words[r];
  const note = el('p', t('weights.help', { rows: w.rows, total: words.length, dim: w.dim }), 'help');
  root.replaceChildren(
    note,
    el('div', undefined, 'heatmaps'),
  );
  /** @type {HTMLElement} */ (root.lastElementChild).append(
    heatmap(t('weights.input'), w.input, w.rows, w.dim, (r) => words[r], largest(w.input), numbers),
    heatmap(t('weights.output'), w.output, w.outputRows, w.dim, outLabel, largest(w.output), numbers),
  );
}
