// A helper thread of the training pool (threaded build only; see engine.js). It instantiates the
// core on the shared memory the owning worker sends, then joins the pool (src/train/pool.rs) and serves
// it for the rest of its life: `servePool` never returns. If it cannot start, it says why.

import { initSync, servePool } from '../pkg-threads/word2vec_lab.js';
import { errorMessage } from '../core/errors.js';

self.onmessage = (/** @type {MessageEvent<{module: WebAssembly.Module, memory: WebAssembly.Memory}>} */ e) => {
  try {
    initSync({ module: e.data.module, memory: e.data.memory });
    servePool();
  } catch (err) {
    self.postMessage({ error: errorMessage(err) });
  }
};
