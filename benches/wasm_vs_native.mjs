// Words per second of the same training through the native `w2v` and through its WebAssembly
// build (wasm32-wasip1 + simd128, run by Node's WASI: `npm run w2v`), one thread each, same corpus,
// flags and seed, so the two write the same vectors. Prints one row per mode and the wasm/native
// ratio (goal: ≥ 0.8 for skip-gram + NS, CBOW + NS and skip-gram + HS). In the same run, where
// installed, Google's word2vec C tool (WORD2VEC_BIN, or `word2vec` from the PyPI package in the
// benchmark venv or on PATH) and gensim (W2V_PYTHON, or the venv `npm test` makes), one thread
// each, same corpus and hyperparameters.
//
//   node benches/wasm_vs_native.mjs [corpus.txt]     (default: a generated 2M-token Zipf corpus)
//   W2V_BENCH_REPEAT=3 W2V_BENCH_MODES=sg-ns,cbow-ns node benches/wasm_vs_native.mjs
//
// The machine is a shared 2-core VM whose speed drifts; each number is the best of the repeats,
// native and wasm alternating.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWasmCli } from '../scripts/w2v.mjs';
import { ROOT } from '../scripts/toolchain.mjs';
import { benchCorpus, buildNative, MODES, NATIVE, row, trainArgs, wordsPerSecond } from './common.mjs';

const repeat = Number(process.env.W2V_BENCH_REPEAT ?? 2);
const modes = /** @type {import('./common.mjs').Mode[]} */ ((process.env.W2V_BENCH_MODES ?? Object.keys(MODES).join(',')).split(','));

const dir = mkdtempSync(join(tmpdir(), 'w2v-bench-'));
const corpus = benchCorpus(dir, process.argv[2]);
buildNative();
buildWasmCli();

const venvBin = join(process.env.W2V_VENV ?? join(homedir(), '.cache', 'word2vec-lab', 'venv'), 'bin');
const path = (process.env.PATH ?? '').split(':').map((d) => join(d, 'word2vec'));
const word2vecC = [process.env.WORD2VEC_BIN, join(venvBin, 'word2vec'), ...path].find((p) => p && existsSync(p));
const python = [process.env.W2V_PYTHON, join(venvBin, 'python')].find((p) => p && spawnSync(p, ['-c', 'import gensim']).status === 0);

/** word2vec.c's words/sec: the last "Words/thread/sec: 123.45k" of its progress. @param {import('./common.mjs').Mode} mode */
function cRate(mode) {
  if (!word2vecC) return NaN;
  const flags = MODES[mode].flags;
  const r = spawnSync(word2vecC, ['-train', corpus, '-output', join(dir, 'c.vec'), '-size', '100', '-window', '5', '-sample', '1e-3', '-min-count', '5', '-iter', '1', '-threads', '1', '-debug', '2', '-alpha', flags[1] === '1' ? '0.05' : '0.025', ...flags], { encoding: 'utf8' });
  const k = r.stdout.split('Words/thread/sec:').at(-1)?.match(/([\d.]+)k/);
  return k ? Number(k[1]) * 1000 : NaN;
}

/** gensim's words/sec over its training phase (benches/gensim_rate.py). @param {import('./common.mjs').Mode} mode */
function gensimRate(mode) {
  if (!python) return NaN;
  const [, cbow, out, n] = MODES[mode].flags;
  const sg = cbow === '1' ? '0' : '1';
  const hs = out === '-hs' ? '1' : '0';
  const negative = out === '-hs' ? '0' : n;
  const r = spawnSync(python, [join(ROOT, 'benches', 'gensim_rate.py'), corpus, sg, hs, negative, '100', '5', '1e-3', '1', '5', sg === '1' ? '0.025' : '0.05'], { encoding: 'utf8' });
  return Number(r.stdout.match(/RATE ([\d.]+)/)?.[1] ?? NaN);
}

const k = (/** @type {number} */ x) => (Number.isNaN(x) ? 'not installed' : `${Math.round(x / 1000)}k`);
console.log(`corpus ${corpus}; ${cpus()[0]?.model ?? 'unknown CPU'}; best of ${repeat}; size 100, window 5, sample 1e-3, min-count 5, 1 epoch, 1 thread`);
console.log('| mode | native w/s | wasm (Node) w/s | wasm / native | word2vec.c w/s | gensim w/s | wasm / word2vec.c | wasm / gensim |');
console.log('|---|---|---|---|---|---|---|---|');
for (const mode of modes) {
  const args = trainArgs(mode, corpus, join(dir, 'out.vec'));
  const best = { native: 0, wasm: 0, c: NaN, gensim: NaN };
  for (let i = 0; i < repeat; i++) {
    best.native = Math.max(best.native, wordsPerSecond([NATIVE, ...args]));
    best.wasm = Math.max(best.wasm, wordsPerSecond([process.execPath, '--no-warnings', join(ROOT, 'scripts', 'w2v.mjs'), ...args]));
    best.c = Math.max(Number.isNaN(best.c) ? 0 : best.c, cRate(mode)) || NaN;
    best.gensim = Math.max(Number.isNaN(best.gensim) ? 0 : best.gensim, gensimRate(mode)) || NaN;
  }
  const { native, wasm, c, gensim } = best;
  console.log(`${row(mode, native, wasm)} ${k(c)} | ${k(gensim)} | ${(wasm / c).toFixed(2)} | ${(wasm / gensim).toFixed(2)} |`);
}
rmSync(dir, { recursive: true, force: true });
