// The wasm module built by `npm run build` (www/pkg/), instantiated synchronously under Node.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as wasm from '../../www/pkg/word2vec_lab.js';

wasm.initSync({ module: readFileSync(resolve(import.meta.dirname, '../../www/pkg/word2vec_lab_bg.wasm')) });

export default wasm;
