// The weight matrices W (input vectors) and W′ (output vectors, or Huffman inner nodes) as
// heatmaps, one row per word, updating live. Blue is negative, red positive, scaled to the
// largest magnitude in each matrix. Up to 8 dimensions the cells are a table with the numbers;
// wider matrices are drawn on a canvas.

import { pixelOf } from '../plot/colours.js';
import { el } from './format.js';

/** @typedef {import('../../core/protocol.js').Weights} Weights */
/** @typedef {import('../../core/i18n.js').Translate} Translate */

/** The scale's ends: positive weights red, negative blue. */
const RED = [220, 38, 38];
const BLUE = [37, 99, 235];

/** @param {number} x @param {number} max */
function colour(x, max) {
  const t = max > 0 ? Math.max(-1, Math.min(1, x / max)) : 0;
  const a = Math.abs(t);
  const [r, g, b] = t >= 0 ? RED : BLUE;
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
 * A value on the blue–white–red scale as one opaque pixel of an ImageData seen through a
 * Uint32Array (plot/colours.js, `pixelOf`), blended over white (so the canvas needs no transparency).
 * @param {number} x @param {number} max
 */
function pixel(x, max) {
  const t = max > 0 ? Math.max(-1, Math.min(1, x / max)) : 0;
  const [r, g, b] = t >= 0 ? RED : BLUE;
  const a = Math.abs(t);
  const mix = (/** @type {number} */ c) => Math.round(255 + (c - 255) * a);
  return pixelOf((mix(r) << 16) | (mix(g) << 8) | mix(b));
}

/**
 * One matrix as an image of one pixel per weight, scaled up without smoothing: for wide rows,
 * where a table of thousands of cells re-built 30 times a second would block the page. Built
 * once per shape; `paint` refills it.
 * @param {string} caption @param {number} rows @param {number} dim @param {(r: number) => string} label
 */
function heatmapCanvas(caption, rows, dim, label) {
  const figure = el('figure', undefined, 'heatmap wide-heatmap');
  const labels = el('ol', undefined, 'row-labels');
  for (let r = 0; r < rows; r++) labels.append(el('li', label(r)));
  const canvas = el('canvas');
  canvas.width = dim;
  canvas.height = rows;
  canvas.style.width = `${dim * Math.max(2, Math.min(8, Math.floor(400 / dim)))}px`;
  canvas.style.height = `${rows * 10}px`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', caption);
  const body = el('div', undefined, 'heatmap-body');
  body.append(labels, canvas);
  figure.append(el('figcaption', caption), body);
  return { figure, canvas };
}

/** @param {HTMLCanvasElement} canvas @param {Float32Array} data @param {number} max */
function paint(canvas, data, max) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(canvas.width, canvas.height);
  const pixels = new Uint32Array(image.data.buffer);
  for (let i = 0; i < pixels.length; i++) pixels[i] = pixel(data[i], max);
  ctx.putImageData(image, 0, 0);
}

/** The wide heatmaps already on the page, by view, with what they were built for. */
const built = new WeakMap();

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
  const largest = (/** @type {Float32Array} */ m) => {
    let a = 0;
    for (let i = 0; i < m.length; i++) a = Math.max(a, Math.abs(m[i]));
    return a;
  };
  const numbers = w.dim <= 8;
  const outLabel = output === 'hierarchical' ? (/** @type {number} */ r) => t('step.node', { n: r }) : (/** @type {number} */ r) => words[r];
  const note = el('p', t('weights.help', { rows: w.rows, total: words.length, dim: w.dim }), 'help');
  if (numbers) {
    root.replaceChildren(note, el('div', undefined, 'heatmaps'));
    /** @type {HTMLElement} */ (root.lastElementChild).append(
      heatmap(t('weights.input'), w.input, w.rows, w.dim, (r) => words[r], largest(w.input), true),
      heatmap(t('weights.output'), w.output, w.outputRows, w.dim, outLabel, largest(w.output), true),
    );
    built.delete(root);
    return;
  }
  // Wide: rebuild the figures only when their shape or labels change, otherwise repaint.
  const key = `${w.rows}×${w.outputRows}×${w.dim}|${output}|${words.length}|${words[0]}|${t('weights.input')}`;
  let figures = built.get(root);
  if (!figures || figures.key !== key) {
    const input = heatmapCanvas(t('weights.input'), w.rows, w.dim, (r) => words[r]);
    const out = heatmapCanvas(t('weights.output'), w.outputRows, w.dim, outLabel);
    root.replaceChildren(note, el('div', undefined, 'heatmaps'));
    /** @type {HTMLElement} */ (root.lastElementChild).append(input.figure, out.figure);
    figures = { key, input: input.canvas, output: out.canvas };
    built.set(root, figures);
  }
  paint(figures.input, w.input, largest(w.input));
  paint(figures.output, w.output, largest(w.output));
}
