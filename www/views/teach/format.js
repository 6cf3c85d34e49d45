// Small formatting helpers shared by the teaching views.

/** A number with 3 decimals and a true minus sign. @param {number} x */
export const num = (x) => (Object.is(x, -0) ? 0 : x).toFixed(3).replace('-', '−');

/** A vector as "[a, b, c]", cut to `max` entries. @param {ArrayLike<number>} v @param {number} [max] */
export function vec(v, max = 8) {
  const shown = Array.from(v).slice(0, max).map(num);
  return `[${shown.join(', ')}${v.length > max ? ', …' : ''}]`;
}

/**
 * An element with text and optional class.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {string} [text] @param {string} [className]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/**
 * A table from a header row and body rows of cells (strings or elements).
 * @param {string[]} head @param {(string | Node)[][]} rows @param {string} [className]
 */
export function table(head, rows, className) {
  const t = el('table', undefined, className);
  const tr = el('tr');
  for (const h of head) tr.append(el('th', h));
  t.append(el('thead'), el('tbody'));
  /** @type {HTMLElement} */ (t.tHead).append(tr);
  for (const r of rows) {
    const row = el('tr');
    for (const c of r) {
      const td = el('td');
      td.append(c);
      row.append(td);
    }
    t.tBodies[0].append(row);
  }
  return t;
}

/**
 * A horizontal bar of width `fraction` (0..1) with a label: one element, its filled part a
 * background `--w` wide (style.css `.hbar`). Three elements (a track, a positioned fill and a
 * label) per bar were a third of a traced step's layout objects.
 * @param {number} fraction @param {string} label @param {string} [className]
 */
export function bar(fraction, label, className = '') {
  const b = el('span', label, `hbar ${className}`.trim());
  b.style.setProperty('--w', `${Math.max(0, Math.min(1, fraction)) * 100}%`);
  return b;
}
