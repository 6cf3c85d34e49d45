// The session's run loop: training in time slices, one after another, until a pause, the end or
// an error (session.js says which state it is in).
//
// Each slice trains as much as the pacer allows (pacer.js: chunks that stop at the history's next
// moment at full speed, the words whose time has come at a set speed), posts a snapshot if one is
// due, and schedules the next slice: at once, after a rest that leaves the page a core (rests.js),
// or when the next word is due. Between two slices the worker reads its messages, so a pause, a
// step or a query waits at most one slice. No DOM and no timers of its own: the worker hands in
// a clock and a scheduler, the unit tests (tests/js/session.test.mjs) fake ones.

import { MAX_WAIT_MS, Pacer, SLICE_MS } from './pacer.js';
import { Rests } from './rests.js';

/** @typedef {import('./session.js').Session} Session */

export class Runner {
  /**
   * @param {Session} session  the session whose model this trains
   * @param {{now: () => number, schedule: (fn: () => void, delayMs: number) => void, cores: number}} env
   *   cores: the machine's logical cores (a rest is taken when training leaves the page too few)
   */
  constructor(session, { now, schedule, cores }) {
    this.session = session;
    this.now = now;
    this.schedule = schedule;
    this.cores = cores;
    this.pacer = new Pacer();
    this.rests = new Rests(now);
    /** A slice is scheduled and has not run yet. */
    this.pending = false;
  }

  /** Schedule a slice now, unless one is already due. */
  wake() {
    if (!this.pending) this.next(0);
  }

  /** Run the next slice in `ms`. @param {number} ms */
  next(ms) {
    this.pending = true;
    this.schedule(() => {
      this.pending = false;
      this.slice();
    }, ms);
  }

  /** Training threads the loaded settings ask for. */
  threads() {
    return Math.max(1, this.session.settings?.threads ?? 1);
  }

  /** One time slice of training, then a snapshot if one is due, then the next slice is scheduled. */
  slice() {
    const s = this.session;
    const lab = s.lab;
    if (s.runState() !== 'training' || lab === null) return;
    const start = this.now();
    this.rests.over(start);
    const elapsed = this.pacer.slice(start);
    let ok = true;
    let trained = false;
    if (s.speed === null) {
      do {
        const t0 = this.now();
        // A chunk stops at the history's next moment; only whole chunks time the pacer.
        const words = s.recorder.untilMoment(this.pacer.chunk);
        ok = s.trainWords(lab, words);
        trained = true;
        if (words === this.pacer.chunk) this.pacer.tookMs(this.now() - t0, this.threads());
      } while (ok && s.runState() === 'training' && this.now() - start < SLICE_MS);
    } else {
      const words = this.pacer.wordsDue(elapsed, s.speed);
      if (words > 0) {
        ok = s.trainWords(lab, words);
        trained = true;
      }
    }
    if (!ok) return;
    if (trained && s.runState() !== 'done' && this.pacer.snapshotDue(this.now(), s.speed, this.threads())) s.snapshot();
    if (s.runState() === 'training') {
      const wait = s.speed === null ? this.rests.after(this.now() - start, this.cores - this.threads()) : this.pacer.untilNextWord(s.speed);
      this.next(Math.min(wait, MAX_WAIT_MS));
    }
  }
}
