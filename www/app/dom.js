// Looking up the page's elements by id (index.html holds them all).

/** @param {string} id */
export function $(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el;
}
export const input = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ ($(id));

