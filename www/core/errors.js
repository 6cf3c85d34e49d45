// The text of anything thrown: an Error's message, or the value itself.

/** @param {unknown} e */
export function errorMessage(e) {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Whether `e` leaves the wasm module unusable: a trap (a Rust panic or abort, such as running
 * out of memory, ends in `unreachable`) or a memory that could not grow. The worker then
 * reports a crash and the page offers to restart it; any other error is an ordinary message.
 * @param {unknown} e
 */
export function isFatal(e) {
  return (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError)
    || (e instanceof RangeError && /memory/i.test(e.message));
}
