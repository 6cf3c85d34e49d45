// The module Web Worker that owns the model: the page never trains.
//
// It loads the wasm module, answers each request (protocol.js) with one reply of the same id,
// and forwards the session's events (snapshots, state changes). A zero-delay yield uses a
// MessageChannel rather than setTimeout(0), which browsers clamp to 4 ms when nested.

import init, { CorpusLoader, Lab, ownTextSettings, preset, presetNames } from '../pkg/word2vec_lab.js';
import wasmUrl from '../pkg/word2vec_lab_bg.wasm?url';
import { errorMessage } from '../errors.js';
import { Session } from './session.js';

/** @typedef {import('../protocol.js').Request} Request */
/** @typedef {import('../protocol.js').WorkerMessage} WorkerMessage */

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

const session = new Session({ Lab, CorpusLoader }, (msg, transfer) => scope.postMessage(msg, transfer ?? []), { schedule });

/** @param {Request} req @returns {unknown} a result, or a promise of one */
function handle(req) {
  switch (req.type) {
    case 'preset':
      return preset(req.name, 1);
    case 'ownTextSettings':
      return ownTextSettings();
    case 'load':
      return session.load(req.corpus, req.settings);
    case 'loadFile':
      return session.loadFile(req.file, req.settings);
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
      return session.requireLab().predict(req.context, req.k);
    case 'weightRows':
      session.setWeightRows(req.n);
      return null;
    default:
      throw new Error(`unknown request ${JSON.stringify(/** @type {{type?: unknown}} */ (req).type)}`);
  }
}

const ready = init({ module_or_path: wasmUrl }).then(() => {
  scope.postMessage({ type: 'ready', presets: presetNames() });
});

scope.onmessage = async (/** @type {MessageEvent<Request>} */ e) => {
  const req = e.data;
  try {
    await ready;
    const result = await handle(req);
    /** @type {Transferable[]} */
    const transfer = [];
    if (req.type === 'load' || req.type === 'loadFile' || req.type === 'reset') {
      transfer.push(/** @type {import('../protocol.js').Vocabulary} */ (result).counts.buffer);
    }
    scope.postMessage({ type: 'reply', id: req.id, ok: true, result }, transfer);
  } catch (err) {
    scope.postMessage({ type: 'reply', id: req.id, ok: false, error: errorMessage(err) });
  }
};
