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

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWasmCli } from '../scripts/w2v.mjs';
import { ROOT } from '../scripts/toolchain.mjs';

const NATIVE = join(ROOT, 'target', 'release', 'w2v');
const MODES = {
  'sg-ns': ['-cbow', '0', '-negative', '5'],
  'cbow-ns': ['-cbow', '1', '-negative', '5'],
  'sg-hs': ['-cbow', '0', '-hs', '1', '-negative', '0'],
  'cbow-hs': ['-cbow', '1', '-hs', '1', '-negative', '0'],
};
const repeat = Number(process.env.W2V_BENCH_REPEAT ?? 2);
const modes = (process.env.W2V_BENCH_MODES ?? Object.keys(MODES).join(',')).split(',');

const dir = mkdtempSync(join(tmpdir(), 'w2v-bench-'));
let corpus = process.argv[2];
if (!corpus) {
  // 2M tokens over a 20,000-word Zipf vocabulary, from a fixed generator.
  corpus = join(dir, 'zipf.txt');
  let s = 1;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [];
  for (let l = 0; l < 100000; l++) {
    lines.push(Array.from({ length: 20 }, () => `w${Math.floor(Math.exp(rand() * Math.log(20000)))}`).join(' '));
  }
  writeFileSync(corpus, lines.join('\n'));
}
if (!existsSync(corpus)) throw new Error(`no corpus at ${corpus}`);

spawnSync('cargo', ['build', '--quiet', '--release', '--bin', 'w2v'], { cwd: ROOT, stdio: 'inherit' });
buildWasmCli();

/** Words/sec from w2v's last stderr line ("Trained N words in Xs: Y words/sec"). @param {string[]} cmd */
function run(cmd) {
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  const m = r.stderr.match(/: (\d+) words\/sec/);
  if (r.status !== 0 || !m) throw new Error(`${cmd.join(' ')} failed:\n${r.stderr}`);
  return Number(m[1]);
}

console.log(`corpus ${corpus}; ${cpus()[0]?.model ?? 'unknown CPU'}; best of ${repeat}; size 100, window 5, sample 1e-3, min-count 5, 1 epoch, 1 thread`);
console.log('| mode | native w/s | wasm (Node) w/s | wasm / native |');
console.log('|---|---|---|---|');
for (const mode of modes) {
  const flags = ['train', '-train', corpus, '-output', join(dir, 'out.vec'), '-size', '100', '-window', '5', '-sample', '1e-3', '-min-count', '5', '-iter', '1', '-threads', '1', '-seed', '1', ...MODES[/** @type {keyof typeof MODES} */ (mode)]];
  let native = 0;
  let wasm = 0;
  for (let i = 0; i < repeat; i++) {
    native = Math.max(native, run([NATIVE, ...flags]));
    wasm = Math.max(wasm, run([process.execPath, '--no-warnings', join(ROOT, 'scripts', 'w2v.mjs'), ...flags]));
  }
  console.log(`| ${mode} | ${Math.round(native / 1000)}k | ${Math.round(wasm / 1000)}k | ${(wasm / native).toFixed(2)} |`);
}
rmSync(dir, { recursive: true, force: true });
