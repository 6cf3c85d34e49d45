// Keeping the work: the saved work (saved.js) and the address (links.js), written together and
// promptly. A change schedules one write at most PERSIST_MS later; changes meanwhile join it (a
// throttle, not a debounce: typing without a pause, or training that changes the state many times
// a second, still writes every PERSIST_MS), and whatever is pending is written at once when the
// page is hidden or unloaded. So a reload never finds an older text than the one typed, and the
// address bar is at most PERSIST_MS behind the page, also while training.

import { KEPT, workSaver } from './saved.js';
import { ADDRESS_KEYS, addressWriter } from './links.js';

/** @typedef {import('./state.js').AppState} AppState */

/** At most this long between a change and its being written. */
export const PERSIST_MS = 250;

/**
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {string | File | null} restored  the corpus the page restored (already saved)
 */
export function keepWork(store, restored) {
  const save = workSaver(store, restored);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let again = false;
  let writing = false;
  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    writing = true;
    try {
      // The address first: the saved work records the fragment it now has.
      await address.write();
      save();
    } finally {
      writing = false;
    }
    if (again) {
      again = false;
      schedule();
    }
  };
  const address = addressWriter(store, flush);
  const schedule = () => {
    if (writing) again = true;
    else timer ??= setTimeout(flush, PERSIST_MS);
  };
  const keys = [...new Set([...KEPT, ...ADDRESS_KEYS])];
  store.subscribe((st, prev) => {
    if (keys.some((k) => st[/** @type {keyof AppState} */ (k)] !== prev[/** @type {keyof AppState} */ (k)])) schedule();
  });
  const now = () => {
    clearTimeout(timer);
    timer = undefined;
    address.writeNow();
    save();
  };
  addEventListener('pagehide', now);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') now();
  });
  // What changed while the page was starting.
  flush();
}
