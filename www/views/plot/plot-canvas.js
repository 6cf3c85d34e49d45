// The plot on the page: its canvas's size, the pointer (hover shows a word's details in the
// tooltip, click or tap selects, wheel and pinch zoom, drag pans, double-click fits again) and
// the frame counter the performance tests read (`data-frames`). The drawing itself is a
// `PlotRenderer` (plot.js): here on the page, or, with `offscreen`, in a worker of its own
// (plot-worker.js), where frames go on at full rate however busy the page's main thread is.
// Both are driven through the same few calls (`Drawing`); the worker's answers arrive later, so
// picking, the SVG and the PNG are asynchronous either way. If the worker fails (it cannot start,
// or throws), the plot carries on here: a fresh canvas in place of the transferred one, drawn on
// the page's thread from the last data, and every question still waiting is asked again.

import { Replies } from '../../core/replies.js';
import { pacedFrames } from './frame-pace.js';
import { PlotRenderer } from './plot.js';
import { PICK_RADIUS } from './view.js';

/** @typedef {import('./plot.js').PlotData} PlotData */
/** @typedef {import('./plot-worker.js').PlotRequest} PlotRequest */
/** @typedef {import('./plot-worker.js').PlotReply} PlotReply */

/**
 * What the page asks of the drawing, wherever it runs.
 * @typedef {object} Drawing
 * @property {(data: PlotData) => void} setData
 * @property {(width: number, height: number, dpr: number) => void} setSize
 * @property {() => void} clear
 * @property {() => void} fit
 * @property {() => void} grab
 * @property {(factor: number, x: number, y: number) => void} zoom
 * @property {(dx: number, dy: number) => void} drag
 * @property {(a0: [number, number], b0: [number, number], a1: [number, number], b1: [number, number]) => void} pinch
 * @property {(x: number, y: number) => Promise<number>} hoverAt
 * @property {(x: number, y: number, radius: number) => Promise<number>} pickAt
 * @property {() => Promise<string | null>} svg
 * @property {() => Promise<Blob | null>} png
 */

/**
 * The drawing on the page's own thread (small plots, and browsers without OffscreenCanvas).
 * @param {HTMLCanvasElement} canvas @param {(frames: number) => void} onFrame @returns {Drawing}
 */
function drawingHere(canvas, onFrame) {
  // Desynchronized: frames go to the screen without waiting for the page's own paint and
  // commit, which on a machine drawing canvases in software copies the whole canvas per frame.
  const ctx = canvas.getContext('2d', { desynchronized: true });
  if (!ctx) throw new Error('no 2-D canvas');
  const r = new PlotRenderer(canvas, ctx, { requestFrame: pacedFrames((cb) => requestAnimationFrame(cb)), onFrame });
  return {
    setData: (data) => r.setData(data),
    setSize: (w, h, dpr) => r.setSize(w, h, dpr),
    clear: () => r.clear(),
    fit: () => r.fit(),
    grab: () => r.grab(),
    zoom: (f, x, y) => r.zoom(f, x, y),
    drag: (dx, dy) => r.drag(dx, dy),
    pinch: (a0, b0, a1, b1) => r.pinch(a0, b0, a1, b1),
    hoverAt: async (x, y) => r.hoverAt(x, y),
    pickAt: async (x, y, radius) => r.pickAt(x, y, radius),
    svg: async () => r.svg(),
    png: () => r.png(typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas')),
  };
}

/**
 * The drawing in a worker: the canvas is transferred to it, every call becomes a message. Once
 * the worker has failed, `onFail` is told (once) and every question still waiting is rejected.
 * @param {HTMLCanvasElement} canvas @param {(frames: number) => void} onFrame
 * @param {(error: string) => void} onFail @returns {Drawing}
 */
function drawingInWorker(canvas, onFrame, onFail) {
  const worker = new Worker(new URL('./plot-worker.js', import.meta.url), { type: 'module', name: 'plot' });
  const offscreen = canvas.transferControlToOffscreen();
  let failed = false;
  /** @param {string} error */
  const fail = (error) => {
    if (failed) return;
    failed = true;
    worker.terminate();
    replies.failAll(error);
    onFail(error);
  };
  /** @param {PlotRequest} m @param {Transferable[]} [transfer] */
  const post = (m, transfer = []) => {
    if (!failed) worker.postMessage(m, transfer);
  };
  post({ type: 'init', canvas: offscreen }, [offscreen]);
  const replies = new Replies();
  /** @param {(id: number) => PlotRequest} message @returns {Promise<any>} */
  const ask = (message) => (failed ? Promise.reject(new Error('the plot worker failed')) : replies.ask((id) => post(message(id))));
  worker.onmessage = (/** @type {MessageEvent<PlotReply>} */ e) => {
    const m = e.data;
    if (m.type === 'frames') onFrame(m.frames);
    else if (m.type === 'failed') fail(m.error);
    else replies.settle(m.id, { ok: true, value: m.value });
  };
  // It could not start (or threw where nothing caught it).
  worker.onerror = (e) => {
    e.preventDefault();
    fail(e.message || 'the plot worker failed');
  };
  worker.onmessageerror = () => fail('a message from the plot worker could not be read');
  /** @type {PlotData | null} what was last posted: unchanged parts are not posted again */
  let sent = null;
  return {
    setData(data) {
      post({
        type: 'data',
        ...(sent?.words === data.words ? {} : { words: data.words }),
        ...(sent?.counts === data.counts ? {} : { counts: data.counts }),
        ...(sent?.clusters === data.clusters ? {} : { clusters: data.clusters }),
        ...(sent?.coords === data.coords ? {} : { coords: data.coords }),
        colourBy: data.colourBy,
        selected: data.selected,
        highlighted: [...data.highlighted],
        analogy: data.analogy,
        trails: data.trails,
        trailAt: data.trailAt,
      });
      sent = data;
    },
    setSize: (width, height, dpr) => post({ type: 'size', width, height, dpr }),
    clear() {
      sent = null;
      post({ type: 'clear' });
    },
    fit: () => post({ type: 'fit' }),
    grab: () => post({ type: 'grab' }),
    zoom: (factor, x, y) => post({ type: 'zoom', factor, x, y }),
    drag: (dx, dy) => post({ type: 'drag', dx, dy }),
    pinch: (a0, b0, a1, b1) => post({ type: 'pinch', a0, b0, a1, b1 }),
    hoverAt: (x, y) => ask((id) => ({ type: 'hover', id, x, y })),
    pickAt: (x, y, radius) => ask((id) => ({ type: 'pick', id, x, y, radius })),
    svg: () => ask((id) => ({ type: 'svg', id })),
    png: () => ask((id) => ({ type: 'png', id })),
  };
}

export class EmbeddingPlot {
  /**
   * @param {HTMLCanvasElement} canvas
   * @param {HTMLElement} tooltip
   * @param {{onSelect: (id: number) => void, describe: (id: number) => string}} hooks
   * @param {{offscreen?: boolean}} [options]  draw in a worker (where the browser can)
   */
  constructor(canvas, tooltip, hooks, { offscreen = false } = {}) {
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.hooks = hooks;
    const inWorker = offscreen && typeof canvas.transferControlToOffscreen === 'function' && typeof OffscreenCanvas === 'function';
    /** @type {Drawing} */
    this.drawing = inWorker ? drawingInWorker(canvas, (f) => this.onFrame(f), (error) => this.drawHere(error)) : drawingHere(canvas, (f) => this.onFrame(f));
    /** @type {PlotData | null} the data last given, drawn again if the drawing moves here */
    this.data = null;
    this.hasData = false;
    /** The hovered word, as last answered. */
    this.hover = -1;
    /** Pointer moves answered so far: an older answer arriving late is ignored. */
    this.hoverAsked = 0;
    this.resizes = new ResizeObserver(() => this.resize());
    this.attach();
  }

  /** Frames drawn so far, readable by the performance tests. @param {number} frames */
  onFrame(frames) {
    this.canvas.dataset.frames = String(frames);
  }

  /** Listen to the canvas's pointer and size. */
  attach() {
    this.listen();
    this.resizes.observe(this.canvas);
    this.resize();
  }

  /**
   * The worker failed: a new canvas (the old one belongs to the worker) with the same id and
   * attributes takes its place, and the picture is drawn here from the last data.
   * @param {string} error
   */
  drawHere(error) {
    console.warn(`the plot is drawn on the page: its worker failed (${error})`);
    const fresh = /** @type {HTMLCanvasElement} */ (this.canvas.cloneNode(false));
    this.resizes.unobserve(this.canvas);
    this.canvas.replaceWith(fresh);
    this.canvas = fresh;
    this.drawing = drawingHere(fresh, (f) => this.onFrame(f));
    this.attach();
    if (this.data) this.drawing.setData(this.data);
  }

  /**
   * A question for the drawing; asked again of the page's drawing if the worker failed meanwhile.
   * @template T @param {(d: Drawing) => Promise<T>} question @returns {Promise<T>}
   */
  async ask(question) {
    const asked = this.drawing;
    try {
      return await question(asked);
    } catch (e) {
      if (this.drawing === asked) throw e;
      return question(this.drawing);
    }
  }

  /** New data; coordinates glide from where the points are now. @param {PlotData} data */
  setData(data) {
    this.hasData = true;
    this.data = data;
    this.drawing.setData(data);
  }

  /** The picture as it is on screen, as an SVG document; null before one is drawn. */
  svg() {
    return this.ask((d) => d.svg());
  }

  /** The picture as it is on screen as a PNG, at the screen's resolution, on white. */
  png() {
    return this.ask((d) => d.png());
  }

  /** Nothing to show (no model loaded). */
  clear() {
    this.hasData = false;
    this.data = null;
    this.tooltip.hidden = true;
    this.hover = -1;
    this.drawing.clear();
  }

  /** Follow the data again (fit every point). */
  fit() {
    this.drawing.fit();
  }

  resize() {
    const r = this.canvas.getBoundingClientRect();
    this.drawing.setSize(r.width, r.height, window.devicePixelRatio || 1);
  }

  listen() {
    const c = this.canvas;
    /** @type {{x: number, y: number, moved: boolean} | null} */
    let drag = null;
    /** Fingers (or pens) down now, by pointer id, and where the pinch started. */
    /** @type {Map<number, [number, number]>} */
    const down = new Map();
    /** @type {{a: [number, number], b: [number, number]} | null} */
    let pinch = null;
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      this.drawing.zoom(Math.exp(-e.deltaY * 0.0015), e.offsetX, e.offsetY);
    }, { passive: false });
    c.addEventListener('pointerdown', (e) => {
      down.set(e.pointerId, [e.offsetX, e.offsetY]);
      c.setPointerCapture(e.pointerId);
      this.drawing.grab();
      if (down.size === 2) {
        // A second finger: pinch instead of drag (and no tap when they lift).
        const [a, b] = down.values();
        pinch = { a, b };
        drag = null;
        return;
      }
      drag = { x: e.offsetX, y: e.offsetY, moved: false };
    });
    c.addEventListener('pointermove', (e) => {
      if (down.has(e.pointerId)) down.set(e.pointerId, [e.offsetX, e.offsetY]);
      if (pinch && down.size >= 2) {
        const [a, b] = down.values();
        this.drawing.pinch(pinch.a, pinch.b, a, b);
        return;
      }
      if (drag) {
        const dx = e.offsetX - drag.x;
        const dy = e.offsetY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        if (drag.moved) this.drawing.drag(dx, dy);
        return;
      }
      this.updateHover(e.offsetX, e.offsetY);
    });
    const lift = (/** @type {PointerEvent} */ e) => {
      down.delete(e.pointerId);
      if (down.size < 2) pinch = null;
    };
    c.addEventListener('pointerup', async (e) => {
      const tap = drag !== null && !drag.moved && this.hasData;
      drag = null;
      lift(e);
      if (!tap) return;
      const radius = e.pointerType === 'touch' ? PICK_RADIUS.touch : PICK_RADIUS.mouse;
      this.hooks.onSelect(await this.ask((d) => d.pickAt(e.offsetX, e.offsetY, radius)));
    });
    c.addEventListener('pointercancel', (e) => {
      drag = null;
      lift(e);
    });
    c.addEventListener('pointerleave', () => this.updateHover(-1e9, -1e9));
    c.addEventListener('dblclick', () => this.fit());
  }

  /** @param {number} x @param {number} y */
  async updateHover(x, y) {
    const asked = ++this.hoverAsked;
    const id = this.hasData ? await this.ask((d) => d.hoverAt(x, y)) : -1;
    // A later move has been asked about meanwhile: its answer decides.
    if (asked !== this.hoverAsked || id === this.hover) return;
    this.hover = id;
    if (id < 0) {
      this.tooltip.hidden = true;
    } else {
      this.tooltip.hidden = false;
      this.tooltip.textContent = this.hooks.describe(id);
      this.tooltip.style.left = `${x + 12}px`;
      this.tooltip.style.top = `${y + 12}px`;
    }
  }
}
