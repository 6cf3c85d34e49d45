// The Huffman tree of hierarchical softmax (tutorial §5), built by the core from the current
// vocabulary: frequent words near the root. The chosen word's path and code are highlighted: its
// length is the number of sigmoid decisions one prediction of that word costs, against |V| scores
// for the full softmax. Small vocabularies are drawn whole; large ones show the path only.

import { morph } from '../morph.js';
import { el, table } from './format.js';

/** @typedef {import('../../core/protocol.js').Tree} Tree */
/** @typedef {import('../../core/i18n.js').Translate} Translate */

const SVG = 'http://www.w3.org/2000/svg';
/** Vocabularies up to this size are drawn as a tree. */
export const DRAW_LIMIT = 48;

/**
 * The nodes from the root down to `leaf`, and the branch bits taken (the word's code).
 * @param {Tree} tree @param {number} leaf @returns {{nodes: number[], code: number[]}}
 */
export function pathTo(tree, leaf) {
  const nodes = [leaf];
  const code = [];
  let n = leaf;
  while (tree.parents[n] !== null && tree.parents[n] !== undefined) {
    code.push(tree.branches[n]);
    n = /** @type {number} */ (tree.parents[n]);
    nodes.push(n);
  }
  return { nodes: nodes.reverse(), code: code.reverse() };
}

/**
 * Positions for drawing: leaves left to right in tree order, inner nodes above the middle of
 * their children, depth downwards.
 * @param {Tree} tree @returns {{x: number[], depth: number[], leaves: number}}
 */
export function layout(tree) {
  const n = tree.parents.length;
  /** @type {[number, number][]} children (left = branch 0, right = branch 1) */
  const children = Array.from({ length: n }, () => /** @type {[number, number]} */ ([-1, -1]));
  let root = 0;
  tree.parents.forEach((p, i) => {
    if (p === null) root = i;
    else children[p][tree.branches[i]] = i;
  });
  const x = new Array(n).fill(0);
  const depth = new Array(n).fill(0);
  let next = 0;
  /** @type {[number, number, boolean][]} iterative post-order: node, depth, children done */
  const stack = [[root, 0, false]];
  while (stack.length > 0) {
    const [node, d, done] = /** @type {[number, number, boolean]} */ (stack.pop());
    depth[node] = d;
    const [l, r] = children[node];
    if (l < 0) {
      x[node] = next++;
    } else if (done) {
      x[node] = (x[l] + x[r]) / 2;
    } else {
      stack.push([node, d, true], [r, d + 1, false], [l, d + 1, false]);
    }
  }
  return { x, depth, leaves: next };
}

/**
 * @param {HTMLElement} root @param {Tree | null} tree @param {string[]} words
 * @param {number} word  the word whose path to show (-1 for none) @param {Translate} t
 */
export function renderHuffman(root, tree, words, word, t) {
  if (!tree) {
    morph(root, [el('p', t('teach.noModel'), 'help')]);
    return;
  }
  /** @type {Element[]} */
  const parts = [el('p', t('huffman.stats', { mean: tree.meanCodeLength.toFixed(2), log2: tree.log2Vocab.toFixed(2), v: words.length }), 'help')];
  const path = word >= 0 && word < words.length ? pathTo(tree, word) : null;
  if (path) {
    parts.push(el('p', t('huffman.code', { word: words[word], code: path.code.join('') || '–', n: path.code.length }), 'formula code'));
  }
  if (words.length <= DRAW_LIMIT) {
    parts.push(drawTree(tree, words, path ? new Set(path.nodes) : new Set()));
  } else if (path) {
    parts.push(table([t('step.node'), t('step.branch')], path.nodes.slice(0, -1).map((n, i) => [
      t('step.node', { n: n - words.length }),
      path.code[i] === 0 ? t('step.left') : t('step.right'),
    ]), 'cells'));
  }
  morph(root, parts);
}

/** @param {Tree} tree @param {string[]} words @param {Set<number>} highlight */
function drawTree(tree, words, highlight) {
  const { x, depth, leaves } = layout(tree);
  const maxDepth = Math.max(...depth);
  const w = Math.max(320, leaves * 34);
  const h = (maxDepth + 1) * 34 + 30;
  const px = (/** @type {number} */ n) => 17 + (x[n] / Math.max(1, leaves - 1)) * (w - 34);
  const py = (/** @type {number} */ n) => 14 + depth[n] * 34;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  // Drawn at its natural size (the card scrolls sideways for a wide tree).
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(h));
  svg.setAttribute('class', 'tree');
  svg.setAttribute('role', 'img');
  const add = (/** @type {string} */ tag, /** @type {Record<string, string | number>} */ attrs, text = '') => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text) e.textContent = text;
    svg.append(e);
    return e;
  };
  tree.parents.forEach((p, n) => {
    if (p === null) return;
    const on = highlight.has(n) && highlight.has(p);
    add('line', { x1: px(p), y1: py(p), x2: px(n), y2: py(n), class: on ? 'edge on' : 'edge' });
    add('text', { x: (px(p) + px(n)) / 2 + (tree.branches[n] ? 4 : -10), y: (py(p) + py(n)) / 2, class: 'bit' }, String(tree.branches[n]));
  });
  tree.parents.forEach((_, n) => {
    const leaf = n < words.length;
    add('circle', { cx: px(n), cy: py(n), r: leaf ? 4 : 3, class: `${leaf ? 'leaf' : 'inner'}${highlight.has(n) ? ' on' : ''}` });
    if (leaf) add('text', { x: px(n), y: py(n) + 16, class: `word${highlight.has(n) ? ' on' : ''}`, 'text-anchor': 'middle' }, words[n]);
  });
  return svg;
}
