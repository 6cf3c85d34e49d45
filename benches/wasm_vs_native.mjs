// Words per second of the same training through the native `w2v` and through its WebAssembly
// build (wasm32-wasip1 + simd128, run by Node's WASI: `npm run w2v`), one thread each, same corpus,
// flags and seed, so the two write the same vectors. Prints one row per mode and the wasm/native
// ratio (goal: ≥ 0.8 for skip-gram + NS, CBOW + NS and skip-gram + HS).
//
//   node benches/wasm_vs_native.mjs [corpus.txt]     (default: a generated 2M-token Zipf corpus)
//   W2V_BENCH_REPEAT=3 W2V_BENCH_MODES=sg-ns,cbow-ns node benches/wasm_vs_native.mjs
//
// The machine is a shared 2-core VM whose speed drifts; each number is the best of the repeats,
// native and wasm alternating.

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
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

console.log(`corpus ${corpus}; ${cpus()[0]?.model ?? 'unknown CPU'}; best of ${repeat}; size 100, window 5, sample 1e-3, min-count 5, 1 epoch, 1 thread`);
console.log('| mode | native w/s | wasm (Node) w/s | wasm / native |');
console.log('|---|---|---|---|');
for (const mode of modes) {
  const args = trainArgs(mode, corpus, join(dir, 'out.vec'));
  let native = 0;
  let wasm = 0;
  for (let i = 0; i < repeat; i++) {
    native = Math.max(native, wordsPerSecond([NATIVE, ...args]));
    wasm = Math.max(wasm, wordsPerSecond([process.execPath, '--no-warnings', join(ROOT, 'scripts', 'w2v.mjs'), ...args]));
  }
  console.log(row(mode, native, wasm));
}
rmSync(dir, { recursive: true, force: true });
