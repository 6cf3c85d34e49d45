// What the page shows of the training history (history.js), made with the explorer module:
// - a frame: the picture and every answer at one moment, as the model gave them then (the
//   moment's rows become a VectorFile, which answers with the same core code as the live model);
// - the region "History": the query word's top 5 at a few moments of training, when each final
//   neighbour entered them, the analogy's expected answer (its final top answer) ranked at every
//   moment, and trails: the words' paths through the picture;
// - the export: JSON (words, moments, coordinates, neighbours, vectors) and CSV (coordinates).
// Every picture of the history is on one pair of axes, the PCA of the latest moment
// (src/picture/history.rs), with each axis's sign turned to match the live plot's.

import { csvField } from '../core/csv.js';
import { answer } from './answers.js';
import { errorMessage } from '../core/errors.js';
import { nearestMoment } from '../core/protocol.js';

/** @typedef {import('./history.js').History} History */
/** @typedef {import('./history.js').Moment} Moment */
/** @typedef {typeof import('../pkg-explore/word2vec_lab.js')} Explore */
/** @typedef {import('../core/protocol.js').Queries} Queries */

/** The moments of training (fractions of it) at which the region lists the top neighbours. */
export const REGION_FRACTIONS = [0, 0.1, 0.25, 0.5, 1];
/** Neighbours listed at each moment. */
export const REGION_TOP = 5;
/** The JSON export carries every moment's vectors up to this many numbers, else the last one's only. */
export const EXPORT_MAX_NUMBERS = 5_000_000;

export class HistoryViews {
  /** @param {() => Promise<Explore>} explore */
  constructor(explore) {
    this.explore = explore;
    /** @type {{history: History, count: number, axes: import('../pkg-explore/word2vec_lab.js').HistoryAxes, signs: [number, number]} | null} */
    this.fitted = null;
    /** @type {Float32Array | null} the live plot's latest PCA coordinates, for the axes' signs */
    this.live = null;
  }

  /** The live plot's coordinates (PCA only), to turn the history's axes the same way. @param {Float32Array | null} coords */
  setLive(coords) {
    this.live = coords;
  }

  /**
   * The fixed axes for `h` as it is now (refitted when a moment was added).
   * @param {History} h @param {Explore} explore
   */
  axes(h, explore) {
    const f = this.fitted;
    if (f && f.history === h && f.count === h.moments.length) return f;
    f?.axes.free();
    const last = /** @type {Moment} */ (h.moments.at(-1));
    const axes = new explore.HistoryAxes(last.rows, h.dim);
    /** @type {[number, number]} */
    const signs = [1, 1];
    if (this.live && this.live.length >= h.rows * 2) {
      const placed = axes.place(last.rows);
      for (const c of [0, 1]) {
        let dot = 0;
        for (let i = 0; i < h.rows; i++) dot += placed[i * 2 + c] * this.live[i * 2 + c];
        if (dot < 0) signs[c] = -1;
      }
    }
    this.fitted = { history: h, count: h.moments.length, axes, signs };
    return this.fitted;
  }

  /** Moment `i`'s rows on the fixed axes. @param {History} h @param {Explore} explore @param {number} i */
  place(h, explore, i) {
    const { axes, signs } = this.axes(h, explore);
    const xy = axes.place(h.moments[i].rows);
    for (let r = 0; r < xy.length; r += 2) {
      xy[r] *= signs[0];
      xy[r + 1] *= signs[1];
    }
    return xy;
  }

  /**
   * Moment `i` as a VectorFile for `work`, freed after it.
   * @template T @param {History} h @param {Explore} explore @param {number} i
   * @param {(v: import('../pkg-explore/word2vec_lab.js').VectorFile) => T} work @returns {T}
   */
  static withVectors(h, explore, i, work) {
    const v = explore.VectorFile.fromRows(h.wordsText, h.dim, h.moments[i].rows);
    try {
      return work(v);
    } finally {
      v.free();
    }
  }

  /**
   * The picture and the answers at moment `i`: coordinates for the whole vocabulary (NaN beyond
   * the kept rows), groups when `clusterK` > 0.
   * @param {History} h @param {number} i @param {Queries} queries @param {number} clusterK
   * @returns {Promise<import('../core/protocol.js').HistoryFrame>}
   */
  async frame(h, i, queries, clusterK) {
    const explore = await this.explore();
    const index = Math.max(0, Math.min(h.moments.length - 1, Math.round(i)));
    const coords = new Float32Array(h.vocab * 2).fill(NaN);
    coords.set(this.place(h, explore, index));
    const { answers, clusters } = HistoryViews.withVectors(h, explore, index, (v) => ({
      answers: answer(v, queries),
      clusters: clusterK > 0 ? padClusters(v.clusters(clusterK), h.vocab) : null,
    }));
    const { wordsDone, epoch, loss } = h.moments[index];
    return { index, moment: { wordsDone, epoch, loss }, coords, clusters, answers };
  }

  /**
   * The region "History" for the query word and the analogy: neighbours at REGION_FRACTIONS,
   * when each final neighbour entered the top REGION_TOP, the expected answer's rank at every
   * moment, and the words' trails.
   * @param {History} h @param {Queries} queries @returns {Promise<import('../core/protocol.js').HistoryRegion>}
   */
  async region(h, queries) {
    const explore = await this.explore();
    const n = h.moments.length;
    const word = queries.word.trim();
    /** @type {(import('../core/protocol.js').Scored[] | null)[]} */
    const tops = [];
    /** @type {{rank: number | null, score: number | null}[]} */
    const ranks = [];
    const analogy = queries.analogy?.every((w) => w.trim() !== '') ? queries.analogy.map((w) => w.trim()) : null;
    /** @type {string | null} */
    let expected = null;
    let error = null;
    if (analogy) {
      try {
        const last = HistoryViews.withVectors(h, explore, n - 1, (v) => v.analogy(analogy[0], analogy[1], analogy[2], 1, 'add'));
        expected = last[0]?.word ?? null;
      } catch (e) {
        error = errorMessage(e);
      }
    }
    for (let i = 0; i < n; i++) {
      HistoryViews.withVectors(h, explore, i, (v) => {
        try {
          tops.push(word === '' ? null : v.nearest(word, REGION_TOP));
        } catch {
          tops.push(null);
        }
        if (analogy && expected !== null) {
          /** @type {import('../core/protocol.js').Scored[]} */
          const list = v.analogy(analogy[0], analogy[1], analogy[2], h.rows, 'add');
          const at = list.findIndex((s) => s.word === expected);
          ranks.push(at < 0 ? { rank: null, score: null } : { rank: at + 1, score: list[at].score });
        }
      });
    }
    const finalTop = tops[n - 1] ?? [];
    const entered = finalTop.map(({ word: w }) => {
      let since = n - 1;
      while (since > 0 && tops[since - 1]?.some((s) => s.word === w)) since--;
      return { word: w, wordsDone: h.moments[since].wordsDone };
    });
    const words = [...new Set([word, ...(analogy ?? []), ...(expected ? [expected] : [])].filter((w) => w !== ''))];
    return {
      word,
      moments: REGION_FRACTIONS.map((f) => {
        const i = nearestMoment(h.moments, h.totalWords, f);
        return { fraction: f, wordsDone: h.moments[i].wordsDone, top: tops[i] ?? [] };
      }),
      entered,
      analogy: analogy && expected ? { words: /** @type {[string, string, string]} */ (analogy), expected, ranks } : null,
      analogyError: error,
      trails: this.trails(h, explore, words),
      wordsDone: h.moments.map((m) => m.wordsDone),
    };
  }

  /**
   * Each kept word's path on the fixed axes, one point per moment.
   * @param {History} h @param {Explore} explore @param {string[]} words
   * @returns {{word: string, id: number, points: number[]}[]}
   */
  trails(h, explore, words) {
    const kept = h.wordsText.split('\n');
    const ids = words.map((w) => kept.indexOf(w)).filter((id) => id >= 0);
    if (ids.length === 0) return [];
    const { axes, signs } = this.axes(h, explore);
    const out = ids.map((id) => ({ word: kept[id], id, points: /** @type {number[]} */ ([]) }));
    const rows = new Float32Array(ids.length * h.dim);
    for (const m of h.moments) {
      ids.forEach((id, j) => rows.set(m.rows.subarray(id * h.dim, (id + 1) * h.dim), j * h.dim));
      const xy = axes.place(rows);
      out.forEach((t, j) => t.points.push(xy[j * 2] * signs[0], xy[j * 2 + 1] * signs[1]));
    }
    return out;
  }

  /**
   * The history as a file: 'json' (words, every moment's words trained, epoch, loss,
   * coordinates and the query word's neighbours, and vectors: every moment's when they come to
   * at most EXPORT_MAX_NUMBERS numbers, else the last moment's) or 'csv' (one row per moment and
   * word: moment, words_trained, epoch, word, x, y).
   * @param {History} h @param {'json' | 'csv'} format @param {Queries} queries @returns {Promise<string>}
   */
  async export(h, format, queries) {
    const explore = await this.explore();
    const words = h.wordsText.split('\n');
    const coords = h.moments.map((_, i) => this.place(h, explore, i));
    if (format === 'csv') {
      const lines = ['moment,words_trained,epoch,word,x,y'];
      h.moments.forEach((m, i) => {
        words.forEach((w, r) => lines.push(`${i},${m.wordsDone},${m.epoch},${csvField(w)},${coords[i][r * 2]},${coords[i][r * 2 + 1]}`));
      });
      return `${lines.join('\n')}\n`;
    }
    const all = h.moments.length * h.rows * h.dim <= EXPORT_MAX_NUMBERS;
    const word = queries.word.trim();
    return JSON.stringify({
      format: 'word2vec-lab history 1',
      projection: 'PCA fitted on the last moment, applied to every moment',
      words,
      dim: h.dim,
      totalWords: h.totalWords,
      vocabulary: h.vocab,
      neighboursOf: word,
      moments: h.moments.map((m, i) => ({
        wordsTrained: m.wordsDone,
        epoch: m.epoch,
        loss: m.loss,
        coords: Array.from(coords[i]),
        neighbours: word === '' ? [] : HistoryViews.withVectors(h, explore, i, (v) => {
          try {
            return v.nearest(word, REGION_TOP);
          } catch {
            return [];
          }
        }),
        ...(all || i === h.moments.length - 1 ? { vectors: Array.from(m.rows) } : {}),
      })),
    });
  }
}

/** Groups of the kept rows, padded for the rest of the vocabulary. @param {Uint32Array} groups @param {number} vocab */
function padClusters(groups, vocab) {
  const out = new Uint32Array(vocab).fill(0xffffffff);
  out.set(groups);
  return out;
}
