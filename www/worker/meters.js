// What a snapshot reports of training since the last one: the mean loss of the predictions made,
// and the words per second over the last second. No DOM, no clock of its own: the session
// hands in the time (session.js; tests/js/session.test.mjs runs it on a fake clock).

/** The words-per-second rate is measured over this much of the recent past (ms). */
const RATE_WINDOW_MS = 1000;

export class Meters {
  constructor() {
    this.lossSum = 0;
    this.lossCount = 0;
    /** @type {[number, number][]} (time, wordsDone) over the last RATE_WINDOW_MS */
    this.rate = [];
  }

  /** Forget everything: a new model. */
  reset() {
    this.lossSum = 0;
    this.lossCount = 0;
    this.rate = [];
  }

  /** `predictions` predictions of mean loss `loss`. @param {number} loss @param {number} predictions */
  addLoss(loss, predictions) {
    this.lossSum += loss * predictions;
    this.lossCount += predictions;
  }

  /** The mean loss since the last call (null if nothing was predicted), and start again. */
  takeLoss() {
    const loss = this.lossCount > 0 ? this.lossSum / this.lossCount : null;
    this.lossSum = 0;
    this.lossCount = 0;
    return loss;
  }

  /** Training had done `wordsDone` words at time `now` (ms). @param {number} now @param {number} wordsDone */
  addProgress(now, wordsDone) {
    this.rate.push([now, wordsDone]);
    while (this.rate.length > 2 && now - this.rate[0][0] > RATE_WINDOW_MS) this.rate.shift();
  }

  /** Words per second over the last RATE_WINDOW_MS (0 before two measurements). */
  wordsPerSecond() {
    if (this.rate.length < 2) return 0;
    const [t0, w0] = this.rate[0];
    const [t1, w1] = this.rate[this.rate.length - 1];
    return t1 > t0 ? ((w1 - w0) * 1000) / (t1 - t0) : 0;
  }
}
