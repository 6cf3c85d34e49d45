// A canvas's size in CSS pixels without asking the layout for it. Reading clientWidth right
// after the page changed some text forces a synchronous layout of the whole page, which with
// snapshots arriving many times a second is most of a slow machine's frame. A ResizeObserver
// keeps the size instead (measured once, when first asked) and redraws the canvas when it changes.

/** @type {WeakMap<Element, {width: number, height: number}>} */
const sizes = new WeakMap();
/** @type {WeakMap<Element, () => void>} */
const redraws = new WeakMap();
/** @type {ResizeObserver | null} */
let observer = null;

/**
 * The canvas's CSS size; `redraw` is called (with the new size in place) whenever it changes.
 * @param {HTMLCanvasElement} canvas @param {() => void} redraw
 * @returns {{width: number, height: number}}
 */
export function cssSize(canvas, redraw) {
  redraws.set(canvas, redraw);
  let size = sizes.get(canvas);
  if (!size) {
    size = { width: canvas.clientWidth, height: canvas.clientHeight };
    sizes.set(canvas, size);
    observer ??= new ResizeObserver((entries) => {
      for (const e of entries) {
        const box = e.contentBoxSize[0];
        const old = sizes.get(e.target);
        if (old && old.width === box.inlineSize && old.height === box.blockSize) continue;
        sizes.set(e.target, { width: box.inlineSize, height: box.blockSize });
        redraws.get(e.target)?.();
      }
    });
    observer.observe(canvas);
  }
  return size;
}
