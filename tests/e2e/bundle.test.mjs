// The built site's size: the wasm module must stay under 150 KB gzipped.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DIST } from './harness.mjs';

test('the wasm module is under 150 KB gzipped', () => {
  const assets = join(DIST, 'assets');
  const wasm = readdirSync(assets).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `wasm files: ${wasm}`);
  const raw = readFileSync(join(assets, wasm[0]));
  const gz = gzipSync(raw, { level: 9 }).length;
  console.log(`wasm: ${(raw.length / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(1)} KB gzipped`);
  assert.ok(gz < 150 * 1024, `${gz} bytes gzipped`);
});
