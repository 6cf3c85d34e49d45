// Redraw a view by changing the page's nodes as little as possible (the idea of morphdom): the
// view builds its new content as fresh, detached nodes, as if drawing it for the first time, and
// `morph` walks old and new side by side, keeping every node of the page whose tag matches and
// changing only the attributes and text that differ. A traced step redrawn on every Next sample
// (tables of decisions, rows of W′, the Huffman path) then keeps its elements, their computed
// styles and their layout: only the numbers that changed are styled, laid out and painted again,
// where rebuilding the table made the browser redo all of them (about 500 layout objects, the
// longest main-thread task of a traced step with Chromium slowed down four times).
//
// Views built this way hold no event listeners (a kept node keeps its own, not the new one's),
// and what the user changed stays: an opened <details> stays open.

/** Attributes that hold the user's own state, not the view's: kept as the user left them. */
const USER_STATE = new Set(['open']);

/**
 * Make `root`'s children the nodes `next` (freshly built, not in the page), reusing `root`'s own
 * children where they are the same kind of node.
 * @param {Element} root @param {readonly Node[]} next
 */
export function morph(root, next) {
  for (let i = 0; i < next.length; i++) {
    const current = root.childNodes[i];
    if (!current) root.appendChild(next[i]);
    else if (current.nodeName === next[i].nodeName && current.nodeType === next[i].nodeType) update(current, next[i]);
    else root.replaceChild(next[i], current);
  }
  while (root.childNodes.length > next.length) /** @type {ChildNode} */ (root.lastChild).remove();
}

/** @param {Node} current @param {Node} next */
function update(current, next) {
  if (!(current instanceof Element) || !(next instanceof Element)) {
    if (current.nodeValue !== next.nodeValue) current.nodeValue = next.nodeValue;
    return;
  }
  for (const { name, value } of next.attributes) {
    if (USER_STATE.has(name) || current.getAttribute(name) === value) continue;
    // Inline styles through the CSSOM: the page's Content-Security-Policy (style-src 'self')
    // refuses a style attribute written as markup.
    if (name === 'style' && (current instanceof HTMLElement || current instanceof SVGElement)) {
      current.style.cssText = /** @type {HTMLElement} */ (next).style.cssText;
    } else current.setAttribute(name, value);
  }
  for (const { name } of [...current.attributes]) {
    if (!USER_STATE.has(name) && !next.hasAttribute(name)) current.removeAttribute(name);
  }
  morph(current, [...next.childNodes]);
}
