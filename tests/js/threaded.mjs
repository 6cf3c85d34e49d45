// The threaded build (www/pkg-threads/) under Node, started as the browser starts it
// (www/worker/engine.js): the module on a shared memory, and helper threads (worker_threads here,
// Web Workers there) that instantiate it on the same memory and join the pool with servePool().
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as threaded from '../../www/pkg-threads/word2vec_lab.js';

const PKG = resolve(import.meta.dirname, '../../www/pkg-threads');

/**
 * Instantiate the threaded build and start `helpers` helper threads; resolves once they have
 * joined the pool. `stop()` ends them.
 * @param {number} helpers
 */
export async function startThreaded(helpers) {
  threaded.initSync({ module: readFileSync(resolve(PKG, 'word2vec_lab_bg.wasm')) });
  const [module, memory] = threaded.moduleAndMemory();
  const glue = JSON.stringify(resolve(PKG, 'word2vec_lab.js'));
  const workers = Array.from({ length: helpers }, () => new Worker(
    `const { workerData } = require('node:worker_threads');
     import(${glue}).then((m) => { m.initSync({ module: workerData.module, memory: workerData.memory }); m.servePool(); });`,
    { eval: true, workerData: { module, memory } },
  ));
  const t0 = Date.now();
  while (threaded.poolThreads() < helpers + 1) {
    if (Date.now() - t0 > 10000) throw new Error('the helper threads did not join the pool');
    await new Promise((ok) => setTimeout(ok, 10));
  }
  return { core: threaded, stop: () => Promise.all(workers.map((w) => w.terminate())) };
}
