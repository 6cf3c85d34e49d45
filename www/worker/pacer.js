// How much a session trains in one time slice, and when the next slice comes (runner.js `slice`).
//
// Full speed: chunks of words, each sized so that it takes about CHUNK_MS (grown or shrunk by at
// most 2× at a time, from how long the last one took), until SLICE_MS have passed; then the worker
// yields, so a pause, step or query message waits at most one slice. With several threads each
// chunk starts and joins the helper threads, so a chunk is the whole slice.
//
// A set speed (words per second): each slice trains the words whose time has come, with at most
// a tenth of a second banked, down to one word at a time for slow motion; the next slice comes
// when the next word is due.
//
// Snapshots come after a slice that trained, at most MAX_SNAPSHOTS_PER_SECOND, and at least three
// times what the last one cost apart, so that a big vocabulary cannot starve training. A snapshot
// runs on the worker's thread alone: with more threads training, they are spaced further apart,
// so that they take the same share of the machine. In slow motion every update is shown.
//
// No clock of its own: the session passes the times in, so the unit tests drive it with a fake one.

import { EVERY_UPDATE_UP_TO, MAX_SNAPSHOTS_PER_SECOND } from '../core/protocol.js';

export const SLICE_MS = 12;
export const CHUNK_MS = 2;
/** The first chunk of a new model, in words; and the bounds of any chunk. */
const FIRST_CHUNK = 256;
const MIN_CHUNK = 16;
const MAX_CHUNK = 1 << 20;
/** The longest wait before the next slice (ms): slow motion is shown at least this often. */
export const MAX_WAIT_MS = 1000 / EVERY_UPDATE_UP_TO;
/** Slices at a set speed come at least this far apart (ms). */
const MIN_WAIT_MS = 4;

export class Pacer {
  constructor() {
    /** Words in the next full-speed chunk. */
    this.chunk = FIRST_CHUNK;
    /** Words owed at a set speed, a fraction of one carried over. */
    this.credit = 0;
    /** When the last slice began. */
    this.lastSlice = 0;
    /** When the last snapshot was posted, and how long it took (ms). */
    this.lastSnapshot = -Infinity;
    this.snapshotCost = 0;
  }

  /**
   * Whether a slice that trained should post a snapshot at `now`.
   * @param {number} now @param {number | null} speed  words per second, null at full speed
   * @param {number} threads
   */
  snapshotDue(now, speed, threads) {
    if (speed !== null && speed <= EVERY_UPDATE_UP_TO) return true;
    return now - this.lastSnapshot >= Math.max(1000 / MAX_SNAPSHOTS_PER_SECOND, 3 * threads * this.snapshotCost);
  }

  /** A snapshot began at `start` and was posted at `end`. @param {number} start @param {number} end */
  snapshotTook(start, end) {
    this.lastSnapshot = end;
    this.snapshotCost = end - start;
  }

  /** A new model: start again from the first chunk size. */
  restart() {
    this.chunk = FIRST_CHUNK;
  }

  /** Training starts or resumes at `now`: nothing is owed. @param {number} now */
  resume(now) {
    this.lastSlice = now;
    this.credit = 0;
  }

  /** The speed changed: what was owed at the old one is forgotten. */
  forgive() {
    this.credit = 0;
  }

  /** A slice begins at `now`: the time since the last one (what a set speed owes for). @param {number} now */
  slice(now) {
    const elapsed = now - this.lastSlice;
    this.lastSlice = now;
    return elapsed;
  }

  /**
   * A full-speed chunk took `took` ms: size the next one to take about CHUNK_MS (SLICE_MS with
   * several threads).
   * @param {number} took @param {number} threads
   */
  tookMs(took, threads) {
    const aim = threads > 1 ? SLICE_MS : CHUNK_MS;
    const factor = took > 0 ? Math.min(2, Math.max(0.5, aim / took)) : 2;
    this.chunk = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, Math.round(this.chunk * factor)));
  }

  /**
   * The whole words due at `speed` words per second after `elapsed` ms, at most a tenth of a
   * second's worth banked.
   * @param {number} elapsed @param {number} speed
   */
  wordsDue(elapsed, speed) {
    this.credit = Math.min(this.credit + (elapsed * speed) / 1000, speed / 10 + 1);
    const words = Math.floor(this.credit);
    this.credit -= words;
    return words;
  }

  /** At `speed` words per second, the ms until the next word is due. @param {number} speed */
  untilNextWord(speed) {
    return Math.max(MIN_WAIT_MS, ((1 - this.credit) * 1000) / speed);
  }
}
