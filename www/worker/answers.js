// The answers to the page's questions, from a set of vectors (a model in training or an
// imported file): the query word's neighbours (or, for a word the vectors do not have, the
// closest spellings: static vectors have nothing for an unseen word, tutorial §7), the pairs'
// cosine similarities and the analogy. And the first rows of W and W′ that the weights view
// shows. No DOM; session.js asks these for every snapshot.

import { errorMessage } from '../core/errors.js';

/** @typedef {import('../core/protocol.js').Queries} Queries */
/** @typedef {import('../core/protocol.js').Answers} Answers */
/** @typedef {import('./models.js').Explorer} Explorer */

/** Spellings offered for a word the vocabulary does not have. */
const SPELLINGS = 5;

/**
 * Answers to `q` from `vectors` (empty answers when there are none yet).
 * @param {Explorer | null} vectors @param {Queries} q @returns {Answers}
 */
export function answer(vectors, q) {
  /** @type {Answers} */
  const out = {
    neighbours: { word: q.word, list: [], error: null, suggestions: [] },
    pairs: [],
    analogy: { list: [], error: null },
  };
  if (vectors === null) return out;
  if (q.word.trim() !== '') {
    try {
      out.neighbours.list = vectors.nearest(q.word.trim(), q.k);
    } catch (e) {
      out.neighbours.error = errorMessage(e);
      out.neighbours.suggestions = vectors.spellings(q.word.trim(), SPELLINGS);
    }
  }
  for (const [a, b] of q.pairs) {
    try {
      out.pairs.push({ a, b, score: vectors.similarity(a, b), error: null });
    } catch (e) {
      out.pairs.push({ a, b, score: null, error: errorMessage(e) });
    }
  }
  if (q.analogy && q.analogy.every((w) => w.trim() !== '')) {
    const [a, b, c] = q.analogy.map((w) => w.trim());
    try {
      out.analogy.list = vectors.analogy(a, b, c, q.analogyK, 'add');
    } catch (e) {
      out.analogy.error = errorMessage(e);
    }
  }
  return out;
}

/**
 * The first `n` rows of W (the most frequent words) and of W′, copied from the wasm memory
 * without the rest of the matrices.
 * @param {import('./session.js').Lab} lab @param {number} n @returns {import('../core/protocol.js').Weights}
 */
export function weightsHead(lab, n) {
  const dim = lab.dim();
  const input = lab.inputHead(n);
  const output = lab.outputHead(n);
  return { dim, rows: input.length / dim, outputRows: output.length / dim, input, output };
}
