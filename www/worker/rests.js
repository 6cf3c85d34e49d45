// Room for the page: how long training rests between its time slices (runner.js).
//
// Drawing the page takes more than a core of its own on a small machine (its main thread, the
// plot's worker and the compositor: 1.3 cores measured on 2 cores while training 3,000 words with
// the teaching views open), so when training at full speed leaves the page fewer than ROOM_CORES
// cores, each slice is followed by a rest of REST_SHARE of the time: the page's tasks then find a
// core free instead of waiting for one (a 10 ms task took 70 ms). The rest is owed in measured
// time: a timer that wakes the worker late (it does, by several milliseconds on a busy machine)
// pays off the rests that follow, so training keeps 1 − REST_SHARE of the time and no less;
// rests shorter than MIN_REST_MS wait for the next slice. No DOM, no timers: the session asks,
// and waits as told (tests/js/session.test.mjs measures the share with a fake clock).

/** Cores the page needs beside training to draw without waiting. */
export const ROOM_CORES = 2;
/** The share of the time training rests when the page has less room than that. */
export const REST_SHARE = 0.25;
/** Rest owed is paid once it reaches this long (shorter timers cost more than they rest). */
export const MIN_REST_MS = 8;
/** At most this much of a late wake-up is carried over to later rests. */
const MAX_REST_CREDIT_MS = 50;

export class Rests {
  /** @param {() => number} now  the clock, in milliseconds */
  constructor(now) {
    this.now = now;
    /** Rest owed (ms; below zero: rested ahead). */
    this.owed = 0;
    /** @type {number | null} when the rest under way began */
    this.since = null;
  }

  /**
   * How long to rest after a full-speed slice that took `took` ms, with `spare` cores left to the
   * page beside training: REST_SHARE of the time when that is fewer than ROOM_CORES, else
   * nothing; paid in rests of at least MIN_REST_MS, less what the last rest overran.
   * @param {number} took @param {number} spare
   */
  after(took, spare) {
    if (spare >= ROOM_CORES) return 0;
    this.owed += (took * REST_SHARE) / (1 - REST_SHARE);
    if (this.owed < MIN_REST_MS) return 0;
    this.since = this.now();
    return this.owed;
  }

  /** A rest (if one was under way) is over at `now`: what it lasted is paid off. @param {number} now */
  over(now) {
    if (this.since === null) return;
    this.owed = Math.max(-MAX_REST_CREDIT_MS, this.owed - (now - this.since));
    this.since = null;
  }
}
