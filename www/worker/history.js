// The training history: snapshots of the vectors taken while they train, so that a class can
// scrub back through training and see each word find its company (tutorial §1: "you shall know a
// word by the company it keeps" is a claim about this process).
//
// What is kept, and why:
// - when: HISTORY_SNAPSHOTS moments over the planned training plus the initial random vectors,
//   spaced by (i / n)^SCHEDULE_POWER of the words to train, so more densely at the start, where
//   the vectors move most. At full speed training stops exactly at each moment (`wordsToNext`),
//   so a moment is the same words trained on every machine; Step, slow motion and traced steps
//   record the first point past it;
// - what: the rows of W of the most frequent words (the first rows: ids are by frequency), all of
//   them when they fit HISTORY_BUDGET_BYTES, else as many as fit, but at least HISTORY_MIN_ROWS
//   (then fewer moments are kept); the loss, epoch and words trained at each moment. The plot's
//   coordinates are not stored: they are the rows placed on fixed axes (src/picture/history.rs).
//
// No DOM and no wasm here: the plan and the record are plain numbers and typed arrays (unit-tested
// under Node); history-views.js turns them into pictures and answers with the explorer module.

/** Moments recorded over a training, besides the initial vectors. */
export const HISTORY_SNAPSHOTS = 100;
/** The snapshots' rows may take this much memory in the tab (100 MiB). */
export const HISTORY_BUDGET_BYTES = 100 * 2 ** 20;
/** Rows kept even when that means fewer moments (the most frequent words). */
export const HISTORY_MIN_ROWS = 2000;
/** Moment i of n is at (i / n)^SCHEDULE_POWER of the training: denser at the start. */
export const SCHEDULE_POWER = 1.5;

/**
 * @typedef {object} HistoryPlan
 * @property {number} rows      rows of W kept per moment (the most frequent words)
 * @property {number[]} marks   words trained at each moment, increasing; marks[0] = 0
 */

/**
 * What to keep of a training of `totalWords` words over `vocab` words × `dim` dimensions.
 * @param {number} vocab @param {number} dim @param {number} totalWords
 * @param {{budget?: number, snapshots?: number, minRows?: number}} [limits]
 * @returns {HistoryPlan}
 */
export function historyPlan(vocab, dim, totalWords, { budget = HISTORY_BUDGET_BYTES, snapshots = HISTORY_SNAPSHOTS, minRows = HISTORY_MIN_ROWS } = {}) {
  const rowBytes = Math.max(1, dim) * Float32Array.BYTES_PER_ELEMENT;
  let rows = Math.min(vocab, Math.floor(budget / ((snapshots + 1) * rowBytes)));
  let moments = snapshots;
  if (rows < Math.min(vocab, minRows)) {
    rows = Math.min(vocab, minRows);
    moments = Math.max(1, Math.floor(budget / (rows * rowBytes)) - 1);
  }
  /** @type {number[]} */
  const marks = [0];
  for (let i = 1; i <= moments; i++) {
    const at = Math.round(totalWords * (i / moments) ** SCHEDULE_POWER);
    if (at > marks[marks.length - 1]) marks.push(at);
  }
  return { rows, marks };
}

/**
 * One recorded moment.
 * @typedef {object} Moment
 * @property {number} wordsDone
 * @property {number} epoch     0-based, as the trainer counts
 * @property {number | null} loss  mean loss of the predictions since the previous moment
 * @property {Float32Array} rows   the kept rows of W, row-major rows × dim
 */

export class History {
  /**
   * @param {string[]} words  the vocabulary, most frequent first
   * @param {number} dim @param {{totalWords: number, epochs: number}} training  its length
   * @param {HistoryPlan} plan
   */
  constructor(words, dim, { totalWords, epochs }, plan) {
    this.dim = dim;
    this.totalWords = totalWords;
    this.epochs = epochs;
    this.rows = plan.rows;
    this.marks = plan.marks;
    /** The kept words, one per line, as the explorer module takes them. */
    this.wordsText = words.slice(0, plan.rows).join('\n');
    this.vocab = words.length;
    /** @type {Moment[]} */
    this.moments = [];
    this.lossSum = 0;
    this.lossCount = 0;
  }

  /** `predictions` predictions of mean loss `loss` since the last moment. @param {number} loss @param {number} predictions */
  addLoss(loss, predictions) {
    this.lossSum += loss * predictions;
    this.lossCount += predictions;
  }

  /** Words to train from `wordsDone` to the next moment (Infinity when all are recorded). @param {number} wordsDone */
  wordsToNext(wordsDone) {
    const next = this.marks.find((m) => m > wordsDone);
    return next === undefined ? Infinity : next - wordsDone;
  }

  /** Whether a moment is due at `wordsDone` (or at the end of training). @param {number} wordsDone @param {boolean} done */
  due(wordsDone, done) {
    const last = this.moments.at(-1);
    if (last !== undefined && last.wordsDone >= wordsDone) return false;
    return done || this.marks.some((m) => m <= wordsDone && (last === undefined || m > last.wordsDone));
  }

  /**
   * Keep the moment `wordsDone` (epoch `epoch`) with its rows.
   * @param {number} wordsDone @param {number} epoch @param {Float32Array} rows
   */
  record(wordsDone, epoch, rows) {
    const loss = this.lossCount > 0 ? this.lossSum / this.lossCount : null;
    this.lossSum = 0;
    this.lossCount = 0;
    this.moments.push({ wordsDone, epoch, loss, rows });
  }

  /** Bytes the kept rows take. */
  bytes() {
    return this.moments.reduce((sum, m) => sum + m.rows.byteLength, 0);
  }

  /** What the page is told of the history with every snapshot. @returns {import('../core/protocol.js').HistoryMarks} */
  summary() {
    return {
      moments: this.moments.map(({ wordsDone, epoch, loss }) => ({ wordsDone, epoch, loss })),
      totalWords: this.totalWords,
      epochs: this.epochs,
      rows: this.rows,
      vocab: this.vocab,
      planned: this.marks.length,
      bytes: this.bytes(),
    };
  }
}
