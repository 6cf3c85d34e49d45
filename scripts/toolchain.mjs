// What `npm start` and `npm test` need on a fresh machine, installed when missing:
// the wasm32 Rust target, the pinned wasm-bindgen CLI, the npm packages, and (for the tests)
// Debian's chromium and chromedriver. Node built-ins only: this runs before `npm install`.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '..');
/** Must equal the `wasm-bindgen = "=…"` pin in Cargo.toml. */
export const WASM_BINDGEN_VERSION = '0.2.130';
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMEDRIVER = '/usr/bin/chromedriver';

/**
 * Report a failed script and exit non-zero.
 * @param {string} what  e.g. "npm test" @param {unknown} e
 */
export function exitWith(what, e) {
  console.error(`\n${what} failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}

/** Print a section header. @param {string} text */
export function step(text) {
  console.log(`\n== ${text}`);
}

/**
 * Run a command with inherited output; throw if it fails.
 * @param {string} cmd @param {string[]} args @param {{env?: NodeJS.ProcessEnv, cwd?: string}} [opts]
 */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/** Output of a command, or null if it cannot run. @param {string} cmd @param {string[]} args */
function output(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: ROOT });
  return r.status === 0 ? r.stdout.trim() : null;
}

const cargoBin = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin');

/** The wasm-bindgen executable at the pinned version, installing it if needed. */
export function wasmBindgen() {
  for (const exe of ['wasm-bindgen', join(cargoBin, 'wasm-bindgen')]) {
    if (output(exe, ['--version']) === `wasm-bindgen ${WASM_BINDGEN_VERSION}`) return exe;
  }
  step(`installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (once, about 6 minutes)`);
  run('cargo', ['install', 'wasm-bindgen-cli', '--version', WASM_BINDGEN_VERSION, '--force']);
  return join(cargoBin, 'wasm-bindgen');
}

/** The directory holding wasm-bindgen-test-runner (installed with wasm-bindgen). */
export function wasmBindgenBinDir() {
  const exe = wasmBindgen();
  return exe.includes('/') ? join(exe, '..') : null;
}

export function ensureWasmTarget() {
  const installed = output('rustup', ['target', 'list', '--installed']) ?? '';
  if (!installed.split('\n').includes('wasm32-unknown-unknown')) {
    step('adding the wasm32-unknown-unknown Rust target');
    run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
  }
}

/**
 * `npm install` when node_modules is missing or older than the lock file. (Not `npm ci`: Vite
 * lists an optional Windows-only package that the registry mirror here does not have, so the
 * lock file cannot record it and `npm ci` refuses the lock; `npm install` skips it and installs
 * exactly the locked versions of everything else.)
 */
export function ensureNodePackages() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  const stale = !existsSync(marker)
    || statSync(lock).mtimeMs > statSync(marker).mtimeMs
    || statSync(join(ROOT, 'package.json')).mtimeMs > statSync(marker).mtimeMs;
  if (stale) {
    step('installing npm packages');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
}

/** The Debian font that gives Chromium Chinese glyphs (users' machines have one; a fresh VM does not). */
const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

/** Whether fontconfig knows a font with Chinese glyphs. */
function hasCjkFont() {
  return (output('fc-list', [':lang=zh', 'family']) ?? '') !== '';
}

/**
 * Debian's chromium and chromedriver, for the browser tests and the screenshots, and a CJK font
 * (without one every Chinese word renders as empty boxes, and the pages the tests look at are
 * not the pages users see). Installed when root; otherwise what is missing is an error if
 * `required`, a warning if not.
 * @param {{required?: boolean}} [options]
 */
export function ensureChromium({ required = true } = {}) {
  /** @type {string[]} */
  const missing = [];
  if (!existsSync(CHROMIUM) || !existsSync(CHROMEDRIVER)) missing.push('chromium', 'chromium-driver');
  if (!hasCjkFont()) missing.push(CJK_FONT_PACKAGE);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    const message = `missing Debian packages ${missing.join(', ')} (${CHROMIUM}, ${CHROMEDRIVER}, a font with Chinese glyphs): install them as root`;
    if (required) throw new Error(message);
    console.warn(message);
    return;
  }
  step(`installing Debian ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  if (install().status !== 0) {
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  }
  if (!hasCjkFont()) throw new Error(`${CJK_FONT_PACKAGE} is installed but fontconfig lists no Chinese font`);
}

/**
 * A Python with gensim, for the interoperability test (tests/gensim_interop.rs), in a venv
 * outside the checkout. Returns its python.
 */
export function ensureGensim() {
  const venv = process.env.W2V_VENV ?? join(homedir(), '.cache', 'word2vec-lab', 'venv');
  const python = join(venv, 'bin', 'python');
  if (spawnSync(python, ['-c', 'import gensim']).status !== 0) {
    step(`installing gensim into ${venv}`);
    run('python3', ['-m', 'venv', venv]);
    run(join(venv, 'bin', 'pip'), ['install', '--quiet', 'gensim']);
  }
  return python;
}

/**
 * A nightly toolchain with the standard library's source, for the threaded wasm build (which
 * rebuilds std with atomics). Installed when missing.
 */
export function ensureNightly() {
  const components = output('rustup', ['component', 'list', '--toolchain', 'nightly', '--installed']);
  if (components === null) {
    step('installing the nightly Rust toolchain (for the threaded wasm build)');
    run('rustup', ['toolchain', 'install', 'nightly', '--profile', 'minimal', '--component', 'rust-src']);
  } else if (!components.split('\n').some((line) => line.startsWith('rust-src'))) {
    step('adding rust-src to the nightly toolchain');
    run('rustup', ['component', 'add', '--toolchain', 'nightly', 'rust-src']);
  }
}

/**
 * Flags of the threaded build: atomics and a shared, imported memory (at most 2 GiB) that every
 * Web Worker of the pool instantiates the module on, plus the thread-local-storage exports
 * wasm-bindgen's thread support needs.
 */
const THREAD_FLAGS = [
  '-C', 'target-feature=+atomics,+bulk-memory,+mutable-globals,+simd128',
  ...['--shared-memory', '--max-memory=2147483648', '--import-memory', '--export=__wasm_init_tls', '--export=__tls_size', '--export=__tls_align', '--export=__tls_base']
    .flatMap((arg) => ['-C', `link-arg=${arg}`]),
].join(' ');

/**
 * wasm-opt -O3 (npm's binaryen, pinned in package.json) over a wasm-bindgen output, in place:
 * about 3 % smaller gzipped, no slower. Only the features rustc emitted are enabled, so the
 * module still loads everywhere the unoptimised one does; binaryen keeps IEEE float semantics
 * (no --fast-math), so the trained vectors do not change. (Debian's older binaryen is not used:
 * its wasm-opt breaks wasm-bindgen's output.)
 * @param {string} wasm  path relative to the repository root
 */
function optimise(wasm) {
  const features = ['simd', 'bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];
  const path = join(ROOT, wasm);
  run(join(ROOT, 'node_modules', '.bin', 'wasm-opt'), ['-O3', ...features.map((f) => `--enable-${f}`), path, '-o', path]);
}

/** The segmenter's dictionary, next to its module: `word count` lines, gzipped. */
export const DICTIONARY_FILE = 'jieba-dict.txt.gz';

/**
 * The dictionary the browser's segmenter fetches, derived from jieba-rs's own `dict.txt` (the
 * crate's source, found through `cargo metadata`; the same file the native build compiles in):
 * every entry kept, its part-of-speech tag dropped (the segmenter does not use it), gzipped.
 * 349,045 words; 5.1 MB as the crate has it, 1.9 MB gzipped with tags, 1.7 MB without.
 * Trimming rare words would save little (the 40,502 entries counted 2 make 0.19 MB gzipped) and
 * make the browser cut differently from the CLI, so nothing is trimmed.
 * @param {string} out
 */
export function deriveDictionary(out) {
  const r = spawnSync('cargo', ['metadata', '--format-version', '1', '--locked'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`cargo metadata failed: ${r.stderr}`);
  /** @type {{packages: {name: string, manifest_path: string}[]}} */
  const meta = JSON.parse(r.stdout);
  const jieba = meta.packages.find((p) => p.name === 'jieba-rs');
  if (!jieba) throw new Error('jieba-rs is not among the dependencies (Cargo.toml)');
  const source = join(jieba.manifest_path, '..', 'src', 'data', 'dict.txt');
  const entries = readFileSync(source, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => line.split(' ').slice(0, 2).join(' '));
  writeFileSync(out, gzipSync(`${entries.join('\n')}\n`, { level: 9 }));
  console.log(`${out}: ${entries.length.toLocaleString('en')} words from ${source}`);
}

/**
 * Build the core for the browser: www/pkg/ (one thread; every browser), www/pkg-threads/
 * (shared memory and atomics; loaded only on a cross-origin-isolated page), www/pkg-explore/
 * (vector files, t-SNE, custom axes: the `explore` feature; loaded when first needed) and
 * www/pkg-segment/ (Chinese word segmentation and its dictionary: the `segment` feature; loaded
 * only when Chinese text is cut into words). Each is an ES module + .wasm from wasm-bindgen.
 */
export function buildWasm() {
  ensureWasmTarget();
  ensureNightly();
  const bindgen = wasmBindgen();
  /** @param {string} targetDir @param {string} out */
  const bind = (targetDir, out) =>
    // Without the name and producers sections the module is 15 KB smaller gzipped (panics then
    // show wasm offsets instead of Rust function names).
    run(bindgen, [
      '--target', 'web', '--remove-name-section', '--remove-producers-section', '--out-dir', join(ROOT, 'www', out),
      join(ROOT, targetDir, 'wasm32-unknown-unknown', 'release', 'word2vec_lab.wasm'),
    ]);
  step('building the wasm module (release, simd128)');
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib']);
  bind('target', 'pkg');
  optimise(join('www', 'pkg', 'word2vec_lab_bg.wasm'));
  step('building the explorer wasm module (release, --features explore)');
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--features', 'explore', '--target-dir', join(ROOT, 'target', 'explore')]);
  bind(join('target', 'explore'), 'pkg-explore');
  optimise(join('www', 'pkg-explore', 'word2vec_lab_bg.wasm'));
  step('building the segmenter wasm module (release, --features segment)');
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--features', 'segment', '--target-dir', join(ROOT, 'target', 'segment')]);
  bind(join('target', 'segment'), 'pkg-segment');
  optimise(join('www', 'pkg-segment', 'word2vec_lab_bg.wasm'));
  deriveDictionary(join(ROOT, 'www', 'pkg-segment', DICTIONARY_FILE));
  step('building the threaded wasm module (nightly, atomics + shared memory, std rebuilt)');
  run('cargo', ['+nightly', 'build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '-Z', 'build-std=std,panic_abort', '--target-dir', join(ROOT, 'target', 'threads')], {
    env: { ...process.env, RUSTFLAGS: THREAD_FLAGS },
  });
  bind(join('target', 'threads'), 'pkg-threads');
}
