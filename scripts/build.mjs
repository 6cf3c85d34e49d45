// `npm run build`: the wasm module, then the static site in dist/ (works from any sub-path).
// `--wasm-only` stops after the wasm module (for `npm run dev`).
import { buildWasm, ensureNodePackages, exitWith, run, step } from './toolchain.mjs';

export function build() {
  ensureNodePackages();
  buildWasm();
  step('vite build → dist/');
  run('npx', ['--no-install', 'vite', 'build']);
}

if (process.argv[1] === import.meta.filename) {
  try {
    if (process.argv.includes('--wasm-only')) {
      ensureNodePackages();
      buildWasm();
    } else {
      build();
    }
  } catch (e) {
    exitWith('build', e);
  }
}
