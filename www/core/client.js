// The page's side of the worker protocol (protocol.js): requests become promises, events become
// callbacks. The only place the page talks to the training worker.

import { Replies } from './replies.js';

/** @typedef {import('./protocol.js').Request} Request */
/** @typedef {import('./protocol.js').Results} Results */
/** @typedef {import('./protocol.js').WorkerMessage} WorkerMessage */
/** @typedef {import('./protocol.js').Snapshot} Snapshot */
/** @typedef {import('./protocol.js').RunState} RunState */

/**
 * A request without its id; the client numbers it.
 * @template {Request['type']} T
 * @typedef {Omit<Extract<Request, {type: T}>, 'id'>} Body
 */

/**
 * @typedef {object} Handlers
 * @property {(presets: string[], threads: number) => void} onReady
 * @property {(s: Snapshot) => void} onSnapshot
 * @property {(state: RunState, error: string | null) => void} onState
 * @property {(bytes: number, total: number) => void} [onLoading]  a large file being read
 * @property {(error: string) => void} [onCrash]  the worker died or its wasm module trapped
 */

export class WorkerClient {
  /**
   * @param {() => Worker} start  makes a worker (again, on `restart`)
   * @param {Handlers} handlers
   */
  constructor(start, handlers) {
    this.start = start;
    this.handlers = handlers;
    this.replies = new Replies();
    this.worker = this.attach(start());
  }

  /**
   * A new worker in place of one that crashed: the old one is stopped and every request still
   * waiting on it is rejected. The new one sends `ready` like the first.
   */
  restart() {
    this.terminate();
    this.worker = this.attach(this.start());
  }

  /** Stop the worker for good (an element leaving its page); waiting requests are rejected. */
  terminate() {
    this.worker.terminate();
    this.replies.failAll('the worker was stopped');
  }

  /** @param {Worker} worker */
  attach(worker) {
    const handlers = this.handlers;
    worker.onmessage = (/** @type {MessageEvent<WorkerMessage>} */ e) => {
      const msg = e.data;
      switch (msg.type) {
        case 'reply':
          this.replies.settle(msg.id, msg.ok ? { ok: true, value: msg.result } : { ok: false, error: msg.error });
          break;
        case 'snapshot':
          handlers.onSnapshot(msg.snapshot);
          break;
        case 'state':
          handlers.onState(msg.state, msg.error);
          break;
        case 'ready':
          handlers.onReady(msg.presets, msg.threads);
          break;
        case 'loading':
          handlers.onLoading?.(msg.bytes, msg.total);
          break;
        case 'crashed':
          handlers.onCrash?.(msg.error);
          break;
      }
    };
    // An error nothing in the worker caught: it may be half-way through anything, so it counts
    // as a crash (as does a message that cannot be read).
    worker.onerror = (e) => {
      e.preventDefault();
      const message = e.message || 'the training worker failed';
      if (handlers.onCrash) handlers.onCrash(message);
      else handlers.onState('error', message);
    };
    worker.onmessageerror = () => handlers.onCrash?.('a message from the worker could not be read');
    return worker;
  }

  /**
   * Send a request; resolves with the worker's result or rejects with its error message.
   * @template {Request['type']} T
   * @param {Body<T> & {type: T}} body
   * @returns {Promise<Results[T]>}
   */
  request(body) {
    return this.replies.ask((id) => this.worker.postMessage({ ...body, id }));
  }

  /**
   * Load a corpus under `settings`: a large file is streamed by the worker (the page's text box
   * holds only its start), a text goes whole. The page's model and Compare's load the same way.
   * @param {{corpus: string, corpusFile: Blob | null, userWords: string}} source
   * @param {import('./protocol.js').Settings} settings
   * @returns {Promise<import('./protocol.js').Vocabulary>}
   */
  loadCorpus({ corpus, corpusFile, userWords }, settings) {
    return corpusFile
      ? this.request({ type: 'loadFile', file: corpusFile, settings, userWords })
      : this.request({ type: 'load', corpus, settings, userWords });
  }
}

/** Start the training worker (a module worker, bundled by Vite). */
export function startWorker() {
  return new Worker(new URL('../worker/worker.js', import.meta.url), { type: 'module' });
}
