// Where the wasm build's gap to native comes from: the same training (one thread, same corpus,
// flags and seed) through the native `w2v` built for this CPU (`-C target-cpu=native`: 8-wide
// AVX on x86-64), the native `w2v` built for the baseline x86-64 (SSE2: 4-wide, as WebAssembly's
// simd128), and the wasm build under Node (`npm run w2v`). If wasm keeps up with the 4-wide
// native build, the remaining gap is the vector width, which WebAssembly does not offer.
//
//   node --no-warnings benches/simd_width.mjs [corpus.txt]   (x86-64 only; default corpus: the
//   generated 2M-token Zipf text of benches/wasm_vs_native.mjs)

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { arch, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWasmCli } from '../scripts/w2v.mjs';
import { ROOT } from '../scripts/toolchain.mjs';
import { benchCorpus, buildNative, MODES, NATIVE, trainArgs, wordsPerSecond } from './common.mjs';

if (arch() !== 'x64') throw new Error('this comparison is for x86-64');
const repeat = Number(process.env.W2V_BENCH_REPEAT ?? 2);
const dir = mkdtempSync(join(tmpdir(), 'w2v-simd-bench-'));
const corpus = benchCorpus(dir, process.argv[2]);
buildNative();
buildWasmCli();
// RUSTFLAGS replaces the `target-cpu=native` of .cargo/config.toml; its own target dir keeps
// the two builds apart.
const baselineDir = join(ROOT, 'target', 'baseline');
spawnSync('cargo', ['build', '--quiet', '--release', '--bin', 'w2v', '--target-dir', baselineDir], {
  cwd: ROOT, stdio: 'inherit', env: { ...process.env, RUSTFLAGS: '-C target-cpu=x86-64' },
});
const BASELINE = join(baselineDir, 'release', 'w2v');

const k = (/** @type {number} */ x) => `${Math.round(x / 1000)}k`;
console.log(`corpus ${corpus}; ${cpus()[0]?.model ?? 'unknown CPU'}; best of ${repeat}; size 100, window 5, one epoch, one thread`);
console.log('| mode | native, this CPU | native, baseline x86-64 | wasm (Node) | wasm / this CPU | wasm / baseline |');
console.log('|---|---|---|---|---|---|');
for (const mode of /** @type {import('./common.mjs').Mode[]} */ (Object.keys(MODES))) {
  const args = trainArgs(mode, corpus, join(dir, 'out.vec'));
  const best = { native: 0, baseline: 0, wasm: 0 };
  for (let i = 0; i < repeat; i++) {
    best.native = Math.max(best.native, wordsPerSecond([NATIVE, ...args]));
    best.baseline = Math.max(best.baseline, wordsPerSecond([BASELINE, ...args]));
    best.wasm = Math.max(best.wasm, wordsPerSecond([process.execPath, '--no-warnings', join(ROOT, 'scripts', 'w2v.mjs'), ...args]));
  }
  const { native, baseline, wasm } = best;
  console.log(`| ${mode} | ${k(native)} | ${k(baseline)} | ${k(wasm)} | ${(wasm / native).toFixed(2)} | ${(wasm / baseline).toFixed(2)} |`);
}
rmSync(dir, { recursive: true, force: true });
