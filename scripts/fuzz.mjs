// The fuzz targets of tests/fuzz/ (corpus text; word2vec text and binary vector files), each run
// for a while with cargo-fuzz (libFuzzer, nightly Rust). Installs cargo-fuzz when missing. A
// crash fails the run and leaves the input in tests/fuzz/artifacts/<target>/.
//
//   node scripts/fuzz.mjs                  every target for 10 s (what `npm test` runs)
//   node scripts/fuzz.mjs --seconds 600    the long run (10 minutes per target)
//   node scripts/fuzz.mjs --seconds 60 corpus

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNightly, exitWith, ROOT, run, step } from './toolchain.mjs';

export const TARGETS = ['corpus', 'vectors_text', 'vectors_binary'];
const FUZZ_DIR = join(ROOT, 'tests', 'fuzz');

/** cargo-fuzz, installed once (about 2 minutes). */
function ensureCargoFuzz() {
  if (spawnSync('cargo', ['fuzz', '--version'], { encoding: 'utf8' }).status === 0) return;
  step('installing cargo-fuzz (once)');
  run('cargo', ['install', 'cargo-fuzz']);
}

/**
 * Run `targets` for `seconds` each.
 * @param {number} seconds @param {string[]} [targets]
 */
export function fuzz(seconds, targets = TARGETS) {
  ensureNightly();
  ensureCargoFuzz();
  for (const target of targets) {
    if (!TARGETS.includes(target)) throw new Error(`no fuzz target '${target}' (${TARGETS.join(', ')})`);
    step(`fuzzing ${target} for ${seconds} s`);
    // The first directory collects new inputs (not committed); the seeds are read only.
    const corpus = join(FUZZ_DIR, 'corpus', target);
    mkdirSync(corpus, { recursive: true });
    run('cargo', [
      '+nightly', 'fuzz', 'run', '--fuzz-dir', FUZZ_DIR, target, corpus, join(FUZZ_DIR, 'seeds', target),
      '--', `-max_total_time=${seconds}`, '-max_len=65536', '-print_final_stats=1',
    ]);
  }
}

if (process.argv[1] === import.meta.filename) {
  try {
    const args = process.argv.slice(2);
    const at = args.indexOf('--seconds');
    const seconds = at >= 0 ? Number(args.splice(at, 2)[1]) : 10;
    if (!(seconds > 0)) throw new Error('--seconds takes a positive number');
    fuzz(seconds, args.length > 0 ? args : TARGETS);
  } catch (e) {
    exitWith('fuzz', e);
  }
}
