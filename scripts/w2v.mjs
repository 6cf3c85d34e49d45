// `npm run w2v -- <command> <flags>`: the `w2v` command line compiled to WebAssembly (wasm32-wasip1,
// simd128), run by Node's WASI. Same flags, same files, and with the same seed and one thread the
// same vectors as the native `w2v` (tests/js/wasm-cli.test.mjs checks byte for byte). The
// benchmarks use it to measure the engine as WebAssembly runs it.
//
// Paths on the command line may be relative (to the current directory) or absolute.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WASI } from 'node:wasi';
import { ROOT } from './toolchain.mjs';

export const WASM_CLI = join(ROOT, 'target', 'wasm32-wasip1', 'release', 'w2v.wasm');

/** Build the WASI `w2v` (cargo skips the work when it is up to date). */
export function buildWasmCli() {
  const installed = spawnSync('rustup', ['target', 'list', '--installed'], { encoding: 'utf8' }).stdout ?? '';
  if (!installed.split('\n').includes('wasm32-wasip1')) {
    spawnSync('rustup', ['target', 'add', 'wasm32-wasip1'], { stdio: 'inherit' });
  }
  const r = spawnSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-wasip1', '--bin', 'w2v'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, RUSTFLAGS: '-C target-feature=+simd128' },
  });
  if (r.status !== 0 || !existsSync(WASM_CLI)) throw new Error('building the WebAssembly w2v failed');
}

/**
 * Run the WASI `w2v` with `args`; returns its exit code.
 * @param {string[]} args
 */
export async function runWasmCli(args) {
  const wasi = new WASI({
    version: 'preview1',
    args: ['w2v', ...args],
    env: {},
    // "." for relative paths, "/" for absolute ones.
    preopens: { '.': process.cwd(), '/': '/' },
    returnOnExit: true,
  });
  const module = await WebAssembly.compile(readFileSync(WASM_CLI));
  const instance = await WebAssembly.instantiate(module, /** @type {WebAssembly.Imports} */ (wasi.getImportObject()));
  return wasi.start(instance);
}

if (process.argv[1] === import.meta.filename) {
  try {
    buildWasmCli();
    process.exitCode = await runWasmCli(process.argv.slice(2));
  } catch (e) {
    console.error(`w2v (wasm): ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  }
}
