// Runs a Rust test binary built for wasm32-wasip1 under Node's WASI, so the engine's unit tests
// (in particular `pinned_bits_for_every_mode`) run on WebAssembly with simd128 exactly as natively.
// Usage: node tests/wasm/run-wasi.mjs path/to/tests.wasm [test filter and libtest flags…]
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import process from 'node:process';

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
