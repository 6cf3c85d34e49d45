// The text of anything thrown: an Error's message, or the value itself.

/** @param {unknown} e */
export function errorMessage(e) {
  return e instanceof Error ? e.message : String(e);
}
