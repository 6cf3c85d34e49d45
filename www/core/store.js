// One small state store: the page's whole state in one object, changed only through `update`,
// and views that re-render from it. Pure data, no DOM.

/**
 * @template S
 * @typedef {object} Store
 * @property {() => S} get
 * @property {(patch: Partial<S> | ((s: S) => Partial<S>)) => void} update
 * @property {(fn: (s: S, prev: S) => void) => () => void} subscribe  returns an unsubscribe
 */

/**
 * @template S
 * @param {S} initial
 * @returns {Store<S>}
 */
export function createStore(initial) {
  let state = initial;
  /** @type {Set<(s: S, prev: S) => void>} */
  const listeners = new Set();
  return {
    get: () => state,
    update(patch) {
      const prev = state;
      const change = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...change };
      for (const fn of listeners) fn(state, prev);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
