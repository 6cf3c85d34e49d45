// Looking up the page's elements by id (index.html holds them all), setting their flags, and
// knowing whether a part of the page is on screen.

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

/**
 * Whether `el` is on screen or within `margin` of it (an IntersectionObserver's root margin, e.g.
 * '50% 0px'), as last reported: false until the first report, which the observer always gives
 * (at the next frame). `onShown` is called each time the element comes into view.
 * @param {Element} el @param {string} margin @param {() => void} onShown
 * @returns {() => boolean}
 */
export function inView(el, margin, onShown) {
  let shown = false;
  new IntersectionObserver((entries) => {
    const now = entries[entries.length - 1].isIntersecting;
    const entered = now && !shown;
    shown = now;
    if (entered) onShown();
  }, { rootMargin: margin }).observe(el);
  return () => shown;
}

/**
 * Call `fn` once the changes made so far are on screen: in the animation frame after the next
 * one (a callback of the next frame runs before that frame renders what is already changed).
 * @param {() => void} fn
 */
export function afterNextFrame(fn) {
  requestAnimationFrame(() => requestAnimationFrame(fn));
}
