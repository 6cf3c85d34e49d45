// The built site's wasm: the one-thread build must stay within 100 KB (KiB) gzipped, the start-up
// budget of the speed issue (every first visit downloads it); the threaded build, fetched only on a
// cross-origin-isolated page, is reported.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DIST } from './harness.mjs';

test('two wasm builds; the one-thread build is within 100 KB gzipped', () => {
  const assets = join(DIST, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.wasm'));
  assert.equal(files.length, 2, `wasm files: ${files}`);
  const builds = files.map((f) => {
    const raw = readFileSync(join(assets, f));
    // The threaded build imports its (shared) memory; the other defines its own.
    const threaded = WebAssembly.Module.imports(new WebAssembly.Module(raw)).some((i) => i.kind === 'memory');
    const gz = gzipSync(raw, { level: 9 }).length;
    console.log(`wasm, ${threaded ? 'threaded' : 'one thread'}: ${(raw.length / 1024).toFixed(0)} KB, ${gz} bytes (${(gz / 1024).toFixed(1)} KB) gzipped`);
    return { threaded, gz };
  });
  const single = builds.find((b) => !b.threaded);
  assert.ok(single && builds.some((b) => b.threaded), 'one build of each kind');
  assert.ok(single.gz <= 100 * 1024, `${single.gz} bytes gzipped`);
});
