// The plot drawn in a worker of its own. The page hands over its canvas (an OffscreenCanvas,
// transferControlToOffscreen) and then only posts what changed: the data, the size, the pointer's
// moves; this worker animates and draws every frame (plot.js, `PlotRenderer`), so a frame never
// waits for the page's main thread (busy with snapshots, text and layout) and never blocks it.
// Requests that need an answer (what is under the pointer, the SVG, the PNG) carry an id that the
// reply repeats. Frames drawn are counted back to the page at most every FRAMES_EVERY_MS. If
// anything here throws, the picture's state is unknown: the worker says `failed` and the page
// draws on its own thread from then on (plot-canvas.js).

import { pacedFrames } from './frame-pace.js';
import { PlotRenderer } from './plot.js';

/** @typedef {import('./plot.js').PlotData} PlotData */

/**
 * What the page posts. `data` carries the words, counts and clusters only when they changed
 * (the worker keeps the last ones), the coordinates only when they changed.
 * @typedef {{type: 'init', canvas: OffscreenCanvas}
 *   | {type: 'size', width: number, height: number, dpr: number}
 *   | {type: 'data', words?: string[], counts?: Uint32Array, clusters?: Uint32Array | null, coords?: Float32Array,
 *       colourBy: PlotData['colourBy'], selected: number, highlighted: number[], analogy: PlotData['analogy'],
 *       trails?: PlotData['trails'], trailAt?: number}
 *   | {type: 'clear'} | {type: 'fit'} | {type: 'grab'}
 *   | {type: 'zoom', factor: number, x: number, y: number}
 *   | {type: 'drag', dx: number, dy: number}
 *   | {type: 'pinch', a0: [number, number], b0: [number, number], a1: [number, number], b1: [number, number]}
 *   | {type: 'hover', id: number, x: number, y: number}
 *   | {type: 'pick', id: number, x: number, y: number, radius: number}
 *   | {type: 'svg', id: number}
 *   | {type: 'png', id: number}} PlotRequest
 */

/**
 * What this worker posts back: answers (with the request's id), the frame count, and that it
 * failed (and why).
 * @typedef {{type: 'answer', id: number, value: number | string | Blob | null}
 *   | {type: 'frames', frames: number}
 *   | {type: 'failed', error: string}} PlotReply
 */

/** Frame counts are posted no more often than this (a message a frame would busy the page). */
const FRAMES_EVERY_MS = 100;

const scope = /** @type {{postMessage(m: PlotReply, t?: Transferable[]): void, onmessage: ((e: MessageEvent<PlotRequest>) => void) | null}} */ (
  /** @type {unknown} */ (self)
);

/** @type {PlotRenderer | null} */
let plot = null;
/** @type {PlotData | null} the data last drawn, whose unchanged parts the next message omits */
let last = null;
let framesPosted = 0;
let postedAt = 0;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let framesTimer;

/**
 * Wait for the next frame, at most one every FRAME_MS (frame-pace.js): on the worker's
 * requestAnimationFrame (beside OffscreenCanvas in the browsers that transfer canvases), else
 * on a timer about sixty times a second.
 */
const nextFrame = pacedFrames((cb) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : setTimeout(() => cb(performance.now()), 16)));

/** @param {PlotReply} reply @param {Transferable[]} [transfer] */
const post = (reply, transfer = []) => scope.postMessage(reply, transfer);

/** Tell the page how many frames were drawn: now if the last count is old enough, else soon. */
function countFrames() {
  if (framesTimer !== undefined || !plot) return;
  const wait = Math.max(0, postedAt + FRAMES_EVERY_MS - performance.now());
  framesTimer = setTimeout(() => {
    framesTimer = undefined;
    if (!plot || plot.frames === framesPosted) return;
    framesPosted = plot.frames;
    postedAt = performance.now();
    post({ type: 'frames', frames: plot.frames });
  }, wait);
}

scope.onmessage = async (/** @type {MessageEvent<PlotRequest>} */ e) => {
  try {
    await handle(e.data);
  } catch (error) {
    plot = null;
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};

/** @param {PlotRequest} m */
async function handle(m) {
  if (m.type === 'init') {
    const ctx = m.canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D context for the plot in its worker');
    plot = new PlotRenderer(m.canvas, ctx, { requestFrame: nextFrame, onFrame: countFrames });
    return;
  }
  if (!plot) return;
  switch (m.type) {
    case 'size':
      plot.setSize(m.width, m.height, m.dpr);
      break;
    case 'data': {
      /** @type {PlotData} */
      const data = {
        words: m.words ?? last?.words ?? [],
        counts: m.counts ?? last?.counts ?? new Uint32Array(0),
        clusters: m.clusters !== undefined ? m.clusters : (last?.clusters ?? null),
        coords: m.coords ?? last?.coords ?? new Float32Array(0),
        colourBy: m.colourBy,
        selected: m.selected,
        highlighted: new Set(m.highlighted),
        analogy: m.analogy,
        trails: m.trails,
        trailAt: m.trailAt,
      };
      last = data;
      plot.setData(data);
      break;
    }
    case 'clear':
      last = null;
      plot.clear();
      break;
    case 'fit':
      plot.fit();
      break;
    case 'grab':
      plot.grab();
      break;
    case 'zoom':
      plot.zoom(m.factor, m.x, m.y);
      break;
    case 'drag':
      plot.drag(m.dx, m.dy);
      break;
    case 'pinch':
      plot.pinch(m.a0, m.b0, m.a1, m.b1);
      break;
    case 'hover':
      post({ type: 'answer', id: m.id, value: plot.hoverAt(m.x, m.y) });
      break;
    case 'pick':
      post({ type: 'answer', id: m.id, value: plot.pickAt(m.x, m.y, m.radius) });
      break;
    case 'svg':
      post({ type: 'answer', id: m.id, value: plot.svg() });
      break;
    case 'png':
      post({ type: 'answer', id: m.id, value: await plot.png(new OffscreenCanvas(1, 1)) });
      break;
  }
}
