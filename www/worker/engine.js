// Which build of the Rust core this worker runs, and its helper threads.
//
// Two builds of the same core with the same API (src/bindings/wasm.rs): www/pkg/ runs on one thread in
// every browser; www/pkg-threads/ is compiled with atomics over a shared memory, which browsers
// only allow on a cross-origin-isolated page (served with COOP + COEP headers). There this worker
// starts helper Web Workers (helper.js) that instantiate the module on the same memory and join
// the training pool (src/train/pool.rs): a model with `threads` > 1 then trains its parts side by side.
// Anywhere else, or if the threaded build fails to start, the one-thread build runs.
//
// A third module, www/pkg-explore/ (the same crate with the `explore` feature, src/bindings/wasm_explore.rs),
// reads and writes vector files and computes t-SNE and custom axes; it is fetched only when the
// user first exports, imports or picks one of those projections.

import singleUrl from '../pkg/word2vec_lab_bg.wasm?url';
import threadsUrl from '../pkg-threads/word2vec_lab_bg.wasm?url';
import exploreUrl from '../pkg-explore/word2vec_lab_bg.wasm?url';

/** Threads a page uses at most (the caller and its helpers). */
export const MAX_THREADS = 8;

/** @typedef {typeof import('../pkg/word2vec_lab.js')} Core */

/**
 * Load the core: the threaded build with `hardwareConcurrency − 1` helpers when the page is
 * cross-origin isolated, else the one-thread build.
 * @param {(message: string) => void} warn  told why the threaded build could not start
 * @returns {Promise<{core: Core, threads: number}>} `threads`: the caller plus the helpers started
 */
export async function loadCore(warn) {
  if (globalThis.crossOriginIsolated) {
    try {
      const threaded = await import('../pkg-threads/word2vec_lab.js');
      await threaded.default({ module_or_path: threadsUrl });
      const helpers = Math.max(0, Math.min(navigator.hardwareConcurrency || 1, MAX_THREADS) - 1);
      const [module, memory] = threaded.moduleAndMemory();
      for (let i = 0; i < helpers; i++) {
        const helper = new Worker(new URL('./helper.js', import.meta.url), { type: 'module', name: `training helper ${i + 1}` });
        helper.onmessage = (/** @type {MessageEvent<{error: string}>} */ e) => warn(`training helper ${i + 1}: ${e.data.error}`);
        helper.onerror = (e) => warn(`training helper ${i + 1}: ${e.message}`);
        helper.postMessage({ module, memory });
      }
      return { core: /** @type {Core} */ (/** @type {unknown} */ (threaded)), threads: 1 + helpers };
    } catch (e) {
      warn(`the threaded build could not start (${e instanceof Error ? e.message : e}); training on one thread`);
    }
  }
  const single = await import('../pkg/word2vec_lab.js');
  await single.default({ module_or_path: singleUrl });
  return { core: single, threads: 1 };
}

/** @type {Promise<typeof import('../pkg-explore/word2vec_lab.js')> | null} */
let explore = null;

/**
 * The explorer module (src/bindings/wasm_explore.rs: vector files, imported vectors, t-SNE, custom axes),
 * a separate wasm module only the pages that use those download. Loaded once.
 */
export function loadExplore() {
  explore ??= import('../pkg-explore/word2vec_lab.js').then(async (m) => {
    await m.default({ module_or_path: exploreUrl });
    return m;
  });
  return explore;
}
