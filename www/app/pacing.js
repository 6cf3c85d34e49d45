// Pacing the page's updates while training. Snapshots arrive up to ten times a second; each
// update of the page's text, lists and small charts is style, layout and paint on the main
// thread, which on a slow machine is tens of milliseconds. The plot (drawn in its own worker)
// takes every snapshot; the rest of the page takes one at most every PANELS_EVERY_MS, always the
// latest, and every other change (a click, a setting, training ending) at once. No DOM here:
// `paced` wraps a render function, and its clock and timer can be replaced (tests/js/pacing.test.mjs).

/** @typedef {import('./state.js').AppState} AppState */

/** While training, the text, the lists and the small charts follow the snapshots at most this
 * often; the plot follows every one. Four a second read as live, and leave the page free. */
export const PANELS_EVERY_MS = 250;

/** What a new snapshot of the model changes, and nothing else does: the snapshot, the answers
 * that come with it, the loss curve and the measured rate, and the blank's prediction, which the
 * page asks for again after each snapshot (teaching.js). Were the prediction's reply drawn at
 * once, the page and the teaching views would both render in one task, several times a second.
 * (What the user types, the blank or a query, is drawn at once as any other change.) */
const SNAPSHOT_KEYS = new Set(['snapshot', 'answers', 'lossCurve', 'fullSpeedRate', 'prediction']);

/**
 * Whether `st` differs from `prev` only by a new snapshot of a model in training.
 * @param {AppState} st @param {AppState} prev
 */
export function snapshotOnly(st, prev) {
  return st.run === 'training' && prev.run === 'training'
    && /** @type {(keyof AppState)[]} */ (Object.keys(st)).every((k) => SNAPSHOT_KEYS.has(k) || st[k] === prev[k]);
}

/**
 * @typedef {object} Clock
 * @property {() => number} now  milliseconds
 * @property {(fn: () => void, ms: number) => unknown} setTimeout
 * @property {(handle: unknown) => void} clearTimeout
 */

/** @type {Clock} */
const realClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(/** @type {ReturnType<typeof setTimeout>} */ (h)),
};

/**
 * One part of the page, rendered from the state it was last rendered from (`draw(st, prev)`):
 * at once, unless the change is only a new snapshot while training and PANELS_EVERY_MS have not
 * passed since the last render; then once they have, with the state of that moment. `lag` delays
 * the first paced render after one at once, to keep two parts out of step (never in one frame).
 * @param {() => AppState} get  the state now
 * @param {(st: AppState, prev: AppState | null) => void} draw
 * @param {number} lag  milliseconds
 * @param {Clock} [clock]
 * @returns {(st: AppState) => void}  to call on every change of state
 */
export function paced(get, draw, lag, clock = realClock) {
  /** @type {AppState | null} */
  let shown = null;
  /** @type {unknown} */
  let timer = null;
  let due = -Infinity;
  const now = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    const st = get();
    const wasPaced = shown !== null && snapshotOnly(st, shown);
    draw(st, shown);
    shown = st;
    due = clock.now() + PANELS_EVERY_MS + (wasPaced ? 0 : lag);
  };
  return (st) => {
    if (shown === null || !snapshotOnly(st, shown) || clock.now() >= due) now();
    else if (timer === null) timer = clock.setTimeout(now, due - clock.now());
  };
}
