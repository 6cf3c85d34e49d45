// The explorer module built by `npm run build` (www/pkg-explore/), instantiated synchronously
// under Node.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as explore from '../../www/pkg-explore/word2vec_lab.js';

explore.initSync({ module: readFileSync(resolve(import.meta.dirname, '../../www/pkg-explore/word2vec_lab_bg.wasm')) });

export default explore;
