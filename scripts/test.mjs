// `npm test`: every test, in order, stopping at the first failure. Installs what is missing first.
//
//  1. Rust style and lints: cargo fmt --check, clippy -D warnings (native and wasm32).
//  2. The core natively: cargo test (unit tests with gradient checks and pinned weights, the CLI,
//     learning, the binding's pinned vectors, gensim interop).
//  3. The core's unit tests on wasm32 + simd128 under Node's WASI (the same pinned bits).
//  3b. Each fuzz target (tests/fuzz/: corpus text, text and binary vector files) for 10 s.
//  4. The binding in headless Chromium (wasm-bindgen-test): same seed, same vectors as natively.
//  5. The front end: build (both wasm builds + Vite), type-check (tsc --checkJs), unit tests under Node with
//     the real wasm module.
//  6. End to end in Debian's chromium with playwright-core, on the built site.
//
// `npm test -- --only e2e` (or rust, wasi, fuzz, browser, js) runs one stage after the installs.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from './build.mjs';
import { fuzz } from './fuzz.mjs';
import {
  CHROMEDRIVER, ROOT, ensureChromium, exitWith, ensureGensim, ensureNodePackages, ensureWasmTarget, run, step, wasmBindgenBinDir,
} from './toolchain.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const wants = (/** @type {string} */ stage) => only === null || only === stage;

/** The newest file in `dir` whose name starts with `prefix` and ends with `suffix`. */
function newest(/** @type {string} */ dir, /** @type {string} */ prefix, /** @type {string} */ suffix) {
  const files = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith(suffix)).map((f) => join(dir, f));
  files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files.length === 0) throw new Error(`no ${prefix}*${suffix} in ${dir}`);
  return files[0];
}

try {
  step('checking the toolchain');
  ensureNodePackages();
  ensureWasmTarget();
  const bindgenDir = wasmBindgenBinDir();
  ensureChromium();
  const python = ensureGensim();
  const env = {
    ...process.env,
    W2V_PYTHON: python,
    CHROMEDRIVER,
    PATH: bindgenDir ? `${bindgenDir}:${process.env.PATH}` : process.env.PATH,
  };

  if (wants('rust')) {
    step('cargo fmt --check');
    run('cargo', ['fmt', '--all', '--', '--check']);
    step('cargo clippy (native, all targets)');
    run('cargo', ['clippy', '--all-targets', '--', '-D', 'warnings']);
    step('cargo clippy (wasm32: the binding and its tests)');
    run('cargo', ['clippy', '--target', 'wasm32-unknown-unknown', '--lib', '--tests', '--', '-D', 'warnings']);
    step('cargo clippy (wasm32: the explorer binding, --features explore)');
    run('cargo', ['clippy', '--target', 'wasm32-unknown-unknown', '--lib', '--features', 'explore', '--target-dir', 'target/explore', '--', '-D', 'warnings']);
    step('cargo clippy (wasm32: the segmenter binding, --features segment)');
    run('cargo', ['clippy', '--target', 'wasm32-unknown-unknown', '--lib', '--features', 'segment', '--target-dir', 'target/segment', '--', '-D', 'warnings']);
    step('cargo test');
    run('cargo', ['test'], { env });
  }

  if (wants('wasi')) {
    step('the core\'s unit tests on wasm32 (simd128) under Node\'s WASI');
    run('rustup', ['target', 'add', 'wasm32-wasip1']);
    const wasiEnv = { ...env, RUSTFLAGS: '-C target-feature=+simd128' };
    run('cargo', ['test', '--release', '--target', 'wasm32-wasip1', '--lib', '--no-run'], { env: wasiEnv });
    const wasm = newest(join(ROOT, 'target', 'wasm32-wasip1', 'release', 'deps'), 'word2vec_lab-', '.wasm');
    // The two Hogwild tests need threads, which wasm32-wasip1 does not have.
    run('node', ['--no-warnings', 'tests/wasm/run-wasi.mjs', wasm, '--skip', 'parallel']);
  }

  if (wants('fuzz')) {
    // A short run of every fuzz target (the long one: node scripts/fuzz.mjs --seconds 600).
    fuzz(10);
  }

  if (wants('browser')) {
    step('the binding in headless Chromium (wasm-bindgen-test)');
    run('cargo', ['test', '--release', '--target', 'wasm32-unknown-unknown', '--test', 'binding'], { env });
  }

  if (wants('js') || wants('e2e')) build();

  if (wants('js')) {
    step('tsc --checkJs');
    run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json']);
    step('front-end unit tests (Node, real wasm)');
    run('node', ['--test', 'tests/js/']);
  }

  if (wants('e2e')) {
    step('end to end in chromium (playwright-core)');
    run('node', ['--test', '--test-concurrency=1', 'tests/e2e/'], { env });
  }
  console.log('\nall tests passed');
} catch (e) {
  exitWith('npm test', e);
}
