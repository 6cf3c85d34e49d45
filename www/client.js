// The page's side of the worker protocol (protocol.js): requests become promises, events become
// callbacks. The only place the page talks to the worker.

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
 */

export class WorkerClient {
  /** @param {Worker} worker @param {Handlers} handlers */
  constructor(worker, handlers) {
    this.worker = worker;
    this.nextId = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this.pending = new Map();
    worker.onmessage = (/** @type {MessageEvent<WorkerMessage>} */ e) => {
      const msg = e.data;
      switch (msg.type) {
        case 'reply': {
          const p = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.ok) p?.resolve(msg.result);
          else p?.reject(new Error(msg.error));
          break;
        }
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
      }
    };
    worker.onerror = (e) => handlers.onState('error', e.message || 'the training worker failed to start');
  }

  /**
   * Send a request; resolves with the worker's result or rejects with its error message.
   * @template {Request['type']} T
   * @param {Body<T> & {type: T}} body
   * @returns {Promise<Results[T]>}
   */
  request(body) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id });
    });
  }
}

/** Start the training worker (a module worker, bundled by Vite). */
export function startWorker() {
  return new Worker(new URL('./worker/worker.js', import.meta.url), { type: 'module' });
}
