// The wasm module built by `npm run build` (www/pkg/), instantiated synchronously under Node.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as wasm from '../../www/pkg/word2vec_lab.js';

wasm.initSync({ module: readFileSync(resolve(import.meta.dirname, '../../www/pkg/word2vec_lab_bg.wasm')) });

/**
 * A model for `text` under `settings`, as the worker makes one (CorpusLoader: the module has no
 * Lab constructor), with this module or `core` (the threaded build).
 * @param {string} text @param {import('../../www/core/protocol.js').Settings} settings
 * @param {{CorpusLoader: typeof wasm.CorpusLoader}} [core]
 */
export function newLab(text, settings, core = wasm) {
  const loader = new core.CorpusLoader(settings);
  loader.push(text);
  return loader.finish();
}

export default wasm;
