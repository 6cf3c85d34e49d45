// The training history as the page holds it: which moment is shown (or "now"), that moment's
// frame and the region's data, replaying; and the pure functions the slider, the loss curve and
// the plot derive from it. No DOM: tests/js/replay.test.mjs checks them under Node.

export { nearestMoment } from '../core/protocol.js';

/** @typedef {import('../core/protocol.js').HistoryMarks} HistoryMarks */
/** @typedef {import('../core/protocol.js').HistoryMoment} HistoryMoment */

/** Replay speeds, in moments per second (the history keeps about a hundred). */
export const REPLAY_SPEEDS = [5, 10, 20, 40];
/** The replay speed a page starts with. */
export const DEFAULT_REPLAY_SPEED = 10;

/**
 * @typedef {object} HistoryView
 * @property {number | null} index  the moment shown; null: now, and the slider follows training
 * @property {import('../core/protocol.js').HistoryFrame | null} frame  the picture and answers at `index`
 * @property {import('../core/protocol.js').HistoryRegion | null} region  the region "History"
 * @property {boolean} playing      replaying training as an animation
 * @property {number} speed         moments per second while replaying
 */

/** @returns {HistoryView} */
export function initialHistory() {
  return { index: null, frame: null, region: null, playing: false, speed: DEFAULT_REPLAY_SPEED };
}

/** The moments kept so far (none before a model is loaded). @param {{snapshot: import('../core/protocol.js').Snapshot | null}} st */
export function moments(st) {
  return st.snapshot?.history?.moments ?? [];
}

/** The slider's position for a history view over `count` moments: the moment shown, or the last. @param {HistoryView} h @param {number} count */
export function sliderValue(h, count) {
  return h.index === null ? Math.max(0, count - 1) : Math.min(h.index, Math.max(0, count - 1));
}

/** The moment a slider position asks for: the last one is "now" (null), which follows training. @param {number} value @param {number} count */
export function indexFor(value, count) {
  return value >= count - 1 ? null : Math.max(0, Math.round(value));
}

/**
 * Whether the plot and answers show a past moment: one is asked for and a frame has arrived (while
 * the slider moves, the last frame stays until the one asked for arrives).
 * @param {HistoryView | undefined} h
 */
export function showingPast(h) {
  return h !== undefined && h.index !== null && h.frame !== null;
}

/**
 * The next moment of a replay from `index` (null: from the start), or null when it has reached now.
 * @param {number | null} index @param {number} count
 */
export function nextReplay(index, count) {
  const next = index === null ? 0 : index + 1;
  return next >= count - 1 ? null : next;
}

/**
 * Fraction of the training at moment `i` (the loss curve's cursor). @param {HistoryMarks} marks @param {number} i
 */
export function momentFraction(marks, i) {
  const m = marks.moments[Math.min(i, marks.moments.length - 1)];
  return m && marks.totalWords > 0 ? m.wordsDone / marks.totalWords : 0;
}

/**
 * Each epoch's mean loss over the points of the curve that fall in it (an epoch is an equal share
 * of the words trained: 1/epochs of the x axis), and the span it covers so far.
 * @param {{x: number, loss: number}[]} curve @param {number} epochs
 * @returns {{epoch: number, from: number, to: number, mean: number}[]}
 */
export function epochMeans(curve, epochs) {
  // One pass: the curve's x only grows, so each epoch's points follow one another.
  /** @type {{epoch: number, from: number, to: number, mean: number, n: number}[]} */
  const out = [];
  for (const p of curve) {
    const e = Math.min(epochs - 1, Math.max(0, Math.ceil(p.x * epochs) - 1));
    const last = out.at(-1);
    if (last && last.epoch === e + 1) {
      last.mean += (p.loss - last.mean) / ++last.n;
      last.to = p.x;
    } else {
      out.push({ epoch: e + 1, from: e / epochs, to: p.x, mean: p.loss, n: 1 });
    }
  }
  return out.map(({ epoch, from, to, mean }) => ({ epoch, from, to, mean }));
}

/**
 * Frames of the history asked of the worker one at a time: a position asked for while one is on
 * its way waits, and only the newest waiting one is asked next, so a fast drag never queues
 * frames behind each other. Used by the page (history-controls.js) and the element.
 * @param {(index: number) => Promise<import('../core/protocol.js').HistoryFrame>} fetch
 * @param {() => number | null} wanted  the moment wanted now (null: none, the present)
 * @param {(frame: import('../core/protocol.js').HistoryFrame) => void} deliver  called with each
 *   frame that arrives while a moment is still wanted
 * @returns {() => Promise<void>}  ask again (the wanted moment changed); resolves once the frame
 *   for the moment wanted then, or a later one, is delivered
 */
export function frameFetcher(fetch, wanted, deliver) {
  /** @type {Promise<void> | null} */
  let running = null;
  let again = false;
  async function run() {
    for (;;) {
      again = false;
      const index = wanted();
      if (index === null) return;
      try {
        const frame = await fetch(index);
        if (wanted() !== null) deliver(frame);
      } catch {
        // A frame asked of a model that has just been replaced: the next one is for the new model.
      }
      if (!again && wanted() === index) return;
    }
  }
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = null;
    });
    return running;
  };
}
