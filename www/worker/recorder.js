// The session's training history: whether the model loaded keeps one, when its moments fall,
// recording them, and the views of them the page asks for.
//
// A model keeps a history (history.js: W's rows of the most frequent words at about a hundred
// moments) unless it was loaded while `keep` was false (Compare's two sides: each would take the
// history's memory budget again). Full-speed training stops exactly at each moment
// (`untilMoment`), so a moment is the same words on every machine; slow motion and traced steps
// land on it word by word. history-views.js makes a moment's picture and answers, its region and
// its exports. Imported vectors have no history.

import { History, historyPlan } from './history.js';
import { HistoryViews } from './history-views.js';

/** @typedef {import('../core/protocol.js').Progress} Progress */
/** @typedef {import('../core/protocol.js').Queries} Queries */
/** @typedef {import('../pkg/word2vec_lab.js').Lab} Lab */
/** @typedef {typeof import('../pkg-explore/word2vec_lab.js')} Explore */

export class Recorder {
  /** @param {() => Promise<Explore>} explore  loads the explorer module (once) */
  constructor(explore) {
    /** @type {History | null} the model's training so far */
    this.history = null;
    /** Whether models loaded from now on keep a history. */
    this.keep = true;
    this.views = new HistoryViews(explore);
    /** Words trained so far (the last progress seen). */
    this.wordsDone = 0;
  }

  /** A new model: a new history (if kept), its first moment the untrained vectors. @param {Lab} lab @param {string[]} words */
  start(lab, words) {
    const progress = lab.progress();
    this.history = this.keep ? new History(words, lab.dim(), progress, historyPlan(words.length, lab.dim(), progress.totalWords)) : null;
    this.wordsDone = progress.wordsDone;
    if (this.history) this.record(lab, progress);
  }

  /** Vectors with no training to record (imported ones). */
  clear() {
    this.history = null;
  }

  /** `predictions` predictions since the last progress had a mean loss of `loss`. @param {number} loss @param {number} predictions */
  addLoss(loss, predictions) {
    this.history?.addLoss(loss, predictions);
  }

  /** At most `words`, and no further than the next moment. @param {number} words */
  untilMoment(words) {
    return Math.max(1, Math.min(words, this.history?.wordsToNext(this.wordsDone) ?? Infinity));
  }

  /** Training reached `p`: the moment is recorded if one is due. @param {Lab} lab @param {Progress} p */
  progressed(lab, p) {
    this.wordsDone = p.wordsDone;
    if (this.history?.due(p.wordsDone, p.done)) this.record(lab, p);
  }

  /** Record the moment `p` with the kept rows of W. @param {Lab} lab @param {Progress} p */
  record(lab, p) {
    const h = this.required();
    h.record(p.wordsDone, p.epoch, lab.inputHead(h.rows));
  }

  /**
   * The live plot's coordinates (the snapshot's, for the words the history keeps), so that the
   * history's axes turn the same way: only a PCA picture is comparable.
   * @param {Float32Array} coords @param {string} projection
   */
  showing(coords, projection) {
    if (this.history && projection === 'pca') this.views.setLive(coords.slice(0, this.history.rows * 2));
  }

  /** What the snapshot says of the history (null: none). */
  summary() {
    return this.history?.summary() ?? null;
  }

  /**
   * The picture and the answers at moment `index`, for `queries`, with `k` clusters.
   * @param {number} index @param {Queries} queries @param {number} k
   * @returns {Promise<import('../core/protocol.js').HistoryFrame>}
   */
  frame(index, queries, k) {
    return this.views.frame(this.required(), index, queries, k);
  }

  /** The region "History" for `queries`. @param {Queries} queries @returns {Promise<import('../core/protocol.js').HistoryRegion>} */
  region(queries) {
    return this.views.region(this.required(), queries);
  }

  /** The history as JSON or CSV text. @param {'json' | 'csv'} format @param {Queries} queries @returns {Promise<string>} */
  export(format, queries) {
    return this.views.export(this.required(), format, queries);
  }

  /** The history, or an error saying there is none. */
  required() {
    if (!this.history) throw new Error('this model keeps no training history');
    return this.history;
  }
}
