// The module Web Worker that owns the model: the page never trains.
//
// It loads the wasm module (engine.js picks the threaded or the one-thread build), answers each
// request (protocol.js) with one reply of the same id, and forwards the session's events
// (snapshots, state changes). Requests are handled one after another in the order they came,
// even those that wait (a file streaming in, the segmenter's dictionary arriving): a Train sent
// after a Load always trains the model that Load makes. A zero-delay yield uses a MessageChannel
// rather than setTimeout(0), which browsers clamp to 4 ms when nested.

import { errorMessage, isFatal } from '../core/errors.js';
import { loadCore, loadExplore } from './engine.js';
import { loadSegmenter } from './segmenter.js';
import { Session } from './session.js';

/** @typedef {import('../core/protocol.js').Request} Request */
/** @typedef {import('../core/protocol.js').WorkerMessage} WorkerMessage */

/** The worker's global scope, typed to what is used here. */
const scope = /** @type {{postMessage(m: WorkerMessage, t?: Transferable[]): void, onmessage: ((e: MessageEvent<Request>) => void) | null}} */ (
  /** @type {unknown} */ (globalThis)
);

/** @type {(() => void)[]} */
const immediate = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => immediate.shift()?.();

/** @param {() => void} fn @param {number} ms */
function schedule(fn, ms) {
  if (ms <= 0) {
    immediate.push(fn);
    channel.port2.postMessage(null);
  } else {
    setTimeout(fn, ms);
  }
}

/** Whether the page has been told that the wasm module crashed (it is told once). */
let crashReported = false;

/**
 * Everything the worker sends goes through here. A fatal error can be seen twice (by the session,
 * which stops the run, and by the request handler the error then reaches): the page hears of the
 * crash once.
 * @param {WorkerMessage} msg @param {Transferable[]} [transfer]
 */
function post(msg, transfer = []) {
  if (msg.type === 'crashed') {
    if (crashReported) return;
    crashReported = true;
  }
  scope.postMessage(msg, transfer);
}

const loaded = loadCore((message) => console.warn(message)).then(({ core, threads }) => {
  const session = new Session(core, post, { schedule, explore: loadExplore, segmenter: loadSegmenter });
  post({ type: 'ready', presets: core.presetNames(), threads });
  return { core, session };
});

/**
 * @param {Request} req @param {import('./engine.js').Core} core @param {Session} session
 * @returns {unknown} a result, or a promise of one
 */
function handle(req, core, session) {
  switch (req.type) {
    case 'preset':
      return core.preset(req.name, 1);
    case 'ownTextSettings':
      return { settings: core.ownTextSettings(req.sample, req.bytes), tokens: core.ownTextTokens(req.sample, req.bytes) };
    case 'load':
      return session.load(req.corpus, req.settings, req.userWords);
    case 'loadFile':
      return session.loadFile(req.file, req.settings, req.userWords);
    case 'train':
      return session.train();
    case 'pause':
      return session.pause();
    case 'step':
      return session.step();
    case 'reset':
      return session.reset();
    case 'speed':
      session.setSpeed(req.wordsPerSecond);
      return null;
    case 'queries':
      return session.setQueries(req.queries);
    case 'ask':
      return session.answers(req.queries);
    case 'projection':
      return session.setProjection(req.projection);
    case 'clusters':
      session.setClusters(req.k);
      return null;
    case 'trace':
      return session.trace();
    case 'noise':
      return session.requireLab().noiseDistribution(req.power);
    case 'huffman':
      return session.requireLab().huffmanTree();
    case 'predict':
      return session.predict(req.context, req.k);
    case 'weightRows':
      session.setWeightRows(req.n);
      return null;
    case 'export':
      return session.exportVectors(req.format);
    case 'importVectors':
      return session.importVectors(req.file, req.name);
    case 'historyAt':
      return session.historyFrame(req.index);
    case 'historyRegion':
      return session.historyRegion();
    case 'historyExport':
      return session.exportHistory(req.format);
    case 'keepHistory':
      session.recorder.keep = req.keep;
      return null;
    default:
      throw new Error(`unknown request ${JSON.stringify(/** @type {{type?: unknown}} */ (req).type)}`);
  }
}

/** The requests handled so far: each starts when the one before it has been answered. */
let queue = Promise.resolve();

scope.onmessage = (/** @type {MessageEvent<Request>} */ e) => {
  queue = queue.then(() => answer(e.data));
};

/** Handle one request and reply. @param {Request} req */
async function answer(req) {
  try {
    const { core, session } = await loaded;
    const result = await handle(req, core, session);
    /** @type {Transferable[]} */
    const transfer = [];
    if (req.type === 'load' || req.type === 'loadFile' || req.type === 'reset' || req.type === 'importVectors') {
      transfer.push(/** @type {import('../core/protocol.js').Vocabulary} */ (result).counts.buffer);
    } else if (req.type === 'export') {
      transfer.push(/** @type {Uint8Array} */ (result).buffer);
    } else if (req.type === 'historyAt') {
      const frame = /** @type {import('../core/protocol.js').HistoryFrame} */ (result);
      transfer.push(frame.coords.buffer, ...(frame.clusters ? [frame.clusters.buffer] : []));
    }
    post({ type: 'reply', id: req.id, ok: true, result }, transfer);
  } catch (err) {
    post({ type: 'reply', id: req.id, ok: false, error: errorMessage(err) });
    if (isFatal(err)) post({ type: 'crashed', error: errorMessage(err) });
  }
}
