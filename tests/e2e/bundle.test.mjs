// The built site's wasm: the one-thread build must stay within 100 KB (KiB) gzipped, the start-up
// budget of the speed issue (every first visit downloads it); the threaded build, fetched only on a
// cross-origin-isolated page, and the vector-file module, fetched only to export or import, are
// reported.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DIST } from './harness.mjs';

/** @param {WebAssembly.Module} module */
function kind(module) {
  // The threaded build imports its (shared) memory; the vector-file module writes files.
  if (WebAssembly.Module.imports(module).some((i) => i.kind === 'memory')) return 'threaded';
  if (WebAssembly.Module.exports(module).some((e) => e.name === 'writeVectorFile')) return 'vector files';
  return 'one thread';
}

test('three wasm modules; the one-thread build is within 100 KB gzipped', () => {
  const assets = join(DIST, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.wasm'));
  assert.equal(files.length, 3, `wasm files: ${files}`);
  const builds = files.map((f) => {
    const raw = readFileSync(join(assets, f));
    const gz = gzipSync(raw, { level: 9 }).length;
    const k = kind(new WebAssembly.Module(raw));
    console.log(`wasm, ${k}: ${(raw.length / 1024).toFixed(0)} KB, ${gz} bytes (${(gz / 1024).toFixed(1)} KB) gzipped`);
    return { kind: k, gz };
  });
  assert.deepEqual(builds.map((b) => b.kind).sort(), ['one thread', 'threaded', 'vector files']);
  const single = builds.find((b) => b.kind === 'one thread');
  assert.ok(single && single.gz <= 100 * 1024, `${single?.gz} bytes gzipped`);
});
