// The built site's wasm: the one-thread build must stay within 100 KB (KiB) gzipped, the start-up
// budget of the speed issue (every first visit downloads it); the threaded build, fetched only on a
// cross-origin-isolated page, the vector-file module, fetched only to export or import, and the
// segmenter with its dictionary, fetched only to cut Chinese into words, are reported.
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
  if (WebAssembly.Module.exports(module).some((e) => e.name === 'segmenter_new')) return 'segmenter';
  return 'one thread';
}

test('four wasm modules; the one-thread build is within 100 KB gzipped', () => {
  const assets = join(DIST, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.wasm'));
  assert.equal(files.length, 4, `wasm files: ${files}`);
  const builds = files.map((f) => {
    const raw = readFileSync(join(assets, f));
    const gz = gzipSync(raw, { level: 9 }).length;
    const k = kind(new WebAssembly.Module(raw));
    console.log(`wasm, ${k}: ${(raw.length / 1024).toFixed(0)} KB, ${gz} bytes (${(gz / 1024).toFixed(1)} KB) gzipped`);
    return { kind: k, gz };
  });
  assert.deepEqual(builds.map((b) => b.kind).sort(), ['one thread', 'segmenter', 'threaded', 'vector files']);
  const dictionary = readdirSync(assets).filter((f) => f.startsWith('jieba-dict'));
  assert.equal(dictionary.length, 1, `the Chinese dictionary: ${dictionary}`);
  console.log(`Chinese dictionary: ${(readFileSync(join(assets, dictionary[0])).length / 2 ** 20).toFixed(2)} MB gzipped`);
  const single = builds.find((b) => b.kind === 'one thread');
  assert.ok(single && single.gz <= 100 * 1024, `${single?.gz} bytes gzipped`);
});
