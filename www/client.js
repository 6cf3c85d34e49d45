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
    this.nextId = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this.pending = new Map();
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
    for (const p of this.pending.values()) p.reject(new Error('the worker was stopped'));
    this.pending.clear();
  }

  /** @param {Worker} worker */
  attach(worker) {
    const handlers = this.handlers;
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
