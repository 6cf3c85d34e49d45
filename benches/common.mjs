// What the JavaScript benchmarks share: the modes, the default corpus, the training flags and
// reading a rate off `w2v`'s last line. Both compare against the native `w2v` on the same corpus
// and settings: size 100, window 5, sample 1e-3, min-count 5, one epoch, one thread, seed 1.

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../scripts/toolchain.mjs';

export const NATIVE = join(ROOT, 'target', 'release', 'w2v');

/** Each mode's flags for `w2v`, and the same choice as the page's form values. */
export const MODES = /** @type {const} */ ({
  'sg-ns': { architecture: 'skipgram', output: 'negative', flags: ['-cbow', '0', '-negative', '5'] },
  'cbow-ns': { architecture: 'cbow', output: 'negative', flags: ['-cbow', '1', '-negative', '5'] },
  'sg-hs': { architecture: 'skipgram', output: 'hierarchical', flags: ['-cbow', '0', '-hs', '1', '-negative', '0'] },
  'cbow-hs': { architecture: 'cbow', output: 'hierarchical', flags: ['-cbow', '1', '-hs', '1', '-negative', '0'] },
});
/** @typedef {keyof typeof MODES} Mode */

/**
 * The corpus to use: `given`, or a generated one in `dir` (2M tokens in lines of 20 over a
 * 20,000-word log-uniform vocabulary, from a fixed generator).
 * @param {string} dir @param {string | undefined} given
 */
export function benchCorpus(dir, given) {
  if (given) {
    if (!existsSync(given)) throw new Error(`no corpus at ${given}`);
    return given;
  }
  const file = join(dir, 'zipf.txt');
  let s = 1;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [];
  for (let l = 0; l < 100000; l++) {
    lines.push(Array.from({ length: 20 }, () => `w${Math.floor(Math.exp(rand() * Math.log(20000)))}`).join(' '));
  }
  writeFileSync(file, lines.join('\n'));
  return file;
}

/**
 * `w2v train` arguments for `mode` on `corpus`, writing `output`.
 * @param {Mode} mode @param {string} corpus @param {string} output @param {number} [threads]
 */
export function trainArgs(mode, corpus, output, threads = 1) {
  return ['train', '-train', corpus, '-output', output, '-size', '100', '-window', '5', '-sample', '1e-3', '-min-count', '5', '-iter', '1', '-threads', String(threads), '-seed', '1', ...MODES[mode].flags];
}

/** Build the native `w2v` (cargo skips the work when it is up to date). */
export function buildNative() {
  spawnSync('cargo', ['build', '--quiet', '--release', '--bin', 'w2v'], { cwd: ROOT, stdio: 'inherit' });
}

/** Run a `w2v` command line; words/sec from its last stderr line ("…: Y words/sec"). @param {string[]} cmd */
export function wordsPerSecond(cmd) {
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8' });
  const m = r.stderr.match(/: (\d+) words\/sec/);
  if (r.status !== 0 || !m) throw new Error(`${cmd.join(' ')} failed:\n${r.stderr}`);
  return Number(m[1]);
}

/** A table row: mode, the two rates in thousands, their ratio. @param {string} mode @param {number} native @param {number} other */
export function row(mode, native, other) {
  return `| ${mode} | ${Math.round(native / 1000)}k | ${Math.round(other / 1000)}k | ${(other / native).toFixed(2)} |`;
}
