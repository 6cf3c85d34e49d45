// Looking up the page's elements by id (index.html holds them all), and setting their flags.

/** @param {string} id */
export function $(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el;
}
export const input = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ ($(id));


/**
 * Set a button's `disabled` or an element's `hidden` only if it differs: writing the same value
 * again still invalidates the element's style, several times a second while training.
 * @template {HTMLElement} E @template {keyof E} K
 * @param {E} el @param {K} flag @param {E[K]} value
 */
export function setFlag(el, flag, value) {
  if (el[flag] !== value) el[flag] = value;
}
