// Words per second of the threaded wasm build (www/pkg-threads/, what a cross-origin-isolated
// page runs) under Node with one and with two threads, same corpus and settings (size 100,
// window 5, sample 1e-3, min-count 5, one epoch), trained in chunks of 50,000 words as the page
// trains in slices: how the engine scales, with no page drawing beside it. Best of N, alternating.
//
//   npm run build && node --no-warnings benches/threads_node.mjs [corpus.txt]
//   W2V_BENCH_REPEAT=3 W2V_BENCH_MODES=sg-ns node --no-warnings benches/threads_node.mjs

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startThreaded } from '../tests/js/threaded.mjs';
import { benchCorpus, MODES } from './common.mjs';

const repeat = Number(process.env.W2V_BENCH_REPEAT ?? 3);
const modes = /** @type {import('./common.mjs').Mode[]} */ ((process.env.W2V_BENCH_MODES ?? Object.keys(MODES).join(',')).split(','));
const dir = mkdtempSync(join(tmpdir(), 'w2v-threads-bench-'));
const text = readFileSync(benchCorpus(dir, process.argv[2]), 'utf8');
const { core, stop } = await startThreaded(1);

/** @param {import('./common.mjs').Mode} mode @param {number} threads */
function rate(mode, threads) {
  const m = MODES[mode];
  const loader = new core.CorpusLoader({ ...core.ownTextSettings(text, text.length), architecture: m.architecture, output: m.output, dim: 100, window: 5, sample: 1e-3, minCount: 5, epochs: 1, alpha: m.architecture === 'cbow' ? 0.05 : 0.025, threads, chinese: 'spaces' });
  loader.push(text);
  const lab = loader.finish();
  const t0 = performance.now();
  /** @type {import('../www/core/protocol.js').Progress} */
  let p;
  do p = lab.train(50000);
  while (!p.done);
  lab.free();
  return p.wordsDone / ((performance.now() - t0) / 1000);
}

console.log(`threaded wasm build under Node; ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; best of ${repeat}`);
console.log('| mode | 1 thread w/s | 2 threads w/s | 2 / 1 |');
console.log('|---|---|---|---|');
for (const mode of modes) {
  let one = 0;
  let two = 0;
  for (let i = 0; i < repeat; i++) {
    one = Math.max(one, rate(mode, 1));
    two = Math.max(two, rate(mode, 2));
  }
  console.log(`| ${mode} | ${Math.round(one / 1000)}k | ${Math.round(two / 1000)}k | ${(two / one).toFixed(2)} |`);
}
await stop();
rmSync(dir, { recursive: true, force: true });
