// The vector-file module built by `npm run build` (www/pkg-files/), instantiated synchronously
// under Node.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as files from '../../www/pkg-files/word2vec_lab.js';

files.initSync({ module: readFileSync(resolve(import.meta.dirname, '../../www/pkg-files/word2vec_lab_bg.wasm')) });

export default files;
